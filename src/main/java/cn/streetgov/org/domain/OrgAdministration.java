package cn.streetgov.org.domain;

import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.org.domain.OrgChange.Action;
import cn.streetgov.org.domain.OrgChange.EntityType;
import cn.streetgov.org.domain.PostRole.UnitKind;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' changes to the organisation model: districts, streets/towns, departments,
 * dispatched agencies, people and their posts. Each change is validated first (400 with the Chinese
 * reasons, nothing written), checked against the version the administrator read (409), written,
 * copied to the engine's identity in the same transaction ({@link IdentityMirror}), recorded in
 * {@code org_change} and logged.
 * <p>
 * Nothing that cases may name is deleted: organisations and people are deactivated. A deactivated
 * organisation keeps its (then memberless) Camunda groups and is offered for no new work; a
 * deactivated person loses their Camunda user, and the tasks they had claimed go back to their
 * groups. Posts are deleted (a post is not history: cases record the user and group who acted).
 * The last active administrator cannot be deactivated or lose the post, nor can an administrator
 * deactivate themselves or remove their own administrator post.
 */
@Service
@Transactional
public class OrgAdministration {

    private static final Logger log = LoggerFactory.getLogger(OrgAdministration.class);

    /** Codes of districts, streets/towns and departments: letters, digits, inner hyphens, as in the group ids. */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");
    static final int CODE_LENGTH = 16;
    static final int USERNAME_LENGTH = 64;
    static final int ORG_NAME_LENGTH = 64;
    static final int PERSON_NAME_LENGTH = 32;
    static final int TITLE_LENGTH = 128;
    static final int EMAIL_LENGTH = 128;
    /** A person's family or given name: Chinese characters, with the middle dot of minority and foreign names. */
    static final Pattern PERSON_NAME = Pattern.compile("[\\p{IsHan}·]+");
    static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** Camunda's own default, used when the engine configures no pattern. */
    private static final String ENGINE_DEFAULT_ID_PATTERN = "[a-zA-Z0-9]+|camunda-admin";

    private static final Set<PostRole> UNIT_ROLES = EnumSet.of(PostRole.STREET_COMMITTEE, PostRole.STREET_OFFICE);

    private final DistrictRepository districts;
    private final OrgUnitRepository units;
    private final DepartmentRepository departments;
    private final AgencyRepository agencies;
    private final PersonRepository persons;
    private final OrgChangeRepository changes;
    private final IdentityMirror identity;
    private final TaskService taskService;
    private final ProcessEngine engine;
    private final EntityManager entityManager;

    OrgAdministration(DistrictRepository districts, OrgUnitRepository units, DepartmentRepository departments,
            AgencyRepository agencies, PersonRepository persons, OrgChangeRepository changes, IdentityMirror identity,
            TaskService taskService, ProcessEngine engine, EntityManager entityManager) {
        this.districts = districts;
        this.units = units;
        this.departments = departments;
        this.agencies = agencies;
        this.persons = persons;
        this.changes = changes;
        this.identity = identity;
        this.taskService = taskService;
        this.engine = engine;
        this.entityManager = entityManager;
    }

    /** A district as an administrator submits it ({@code code} on creation only, {@code version} on change). */
    public record DistrictInput(String code, String name, Long version) {
    }

    /** A street/town: {@code type} STREET or TOWN; {@code districtCode} may be left out while there is one district. */
    public record UnitInput(String code, String name, String type, Boolean central, String districtCode, Long version) {
    }

    public record DepartmentInput(String code, String name, String districtCode, Long version) {
    }

    /** An agency's code is {@code {orgCode}-{deptCode}}; only the name changes later. */
    public record AgencyInput(String orgCode, String deptCode, String name, Long version) {
    }

    public record PersonInput(String username, String familyName, String givenName, String email, Long version) {
    }

    /** A post: {@code role} a {@link PostRole} name; {@code unitCode} for unit-scoped roles only. */
    public record PostInput(String role, String unitCode, String title, Long version) {
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public List<District> districts() {
        return districts.findAllByOrderByCodeAsc();
    }

    @Transactional(readOnly = true)
    public List<OrgUnit> units() {
        return units.findAllByOrderByCodeAsc();
    }

    @Transactional(readOnly = true)
    public List<Department> departments() {
        return departments.findAllByOrderByCodeAsc();
    }

    @Transactional(readOnly = true)
    public List<Agency> agencies() {
        return agencies.findAllByOrderByCodeAsc();
    }

    @Transactional(readOnly = true)
    public List<Person> people() {
        return persons.findAllByOrderByUsernameAsc();
    }

    @Transactional(readOnly = true)
    public Person person(String username) {
        return requirePerson(username);
    }

    /** The latest changes, newest first. */
    @Transactional(readOnly = true)
    public List<OrgChange> recentChanges(int limit) {
        return changes.findAllByOrderByIdDesc(PageRequest.of(0, Math.max(1, Math.min(limit, 500))));
    }

    // ---------------------------------------------------------------- districts

    public District createDistrict(String actor, DistrictInput in) {
        Errors errors = new Errors();
        String code = errors.code(in.code(), "区代码");
        String name = errors.orgName(in.name(), "区名称");
        errors.throwIfAny();
        if (districts.existsByCodeIgnoreCase(code)) {
            throw new InvalidInputException("区代码已存在: " + code);
        }
        District district = districts.save(new District(code, name));
        record(actor, Action.CREATE, EntityType.DISTRICT, code, name);
        return district;
    }

    public District updateDistrict(String actor, String code, DistrictInput in) {
        District district = districts.findById(code).orElseThrow(() -> new NotFoundException("未知的区: " + code));
        Errors errors = new Errors();
        String name = errors.orgName(in.name(), "区名称");
        errors.version(in.version());
        errors.throwIfAny();
        checkVersion(in.version(), district.getVersion(), "区 " + code);
        String before = district.getName();
        district.rename(name);
        record(actor, Action.UPDATE, EntityType.DISTRICT, code, before + " → " + name);
        return district;
    }

    // ---------------------------------------------------------------- streets and towns

    public OrgUnit createUnit(String actor, UnitInput in) {
        Errors errors = new Errors();
        String code = errors.code(in.code(), "街道/镇代码");
        String name = errors.orgName(in.name(), "街道/镇名称");
        UnitType type = errors.unitType(in.type());
        boolean central = Boolean.TRUE.equals(in.central());
        String district = errors.district(in.districtCode(), districts);
        errors.centralOnlyForStreets(type, central);
        errors.throwIfAny();
        if (units.existsByCodeIgnoreCase(code)) {
            throw new InvalidInputException("街道/镇代码已存在: " + code);
        }
        OrgUnit unit = units.save(new OrgUnit(code, name, district, type, central));
        identity.organisationsChanged();
        record(actor, Action.CREATE, EntityType.UNIT, code, describe(unit));
        return unit;
    }

    public OrgUnit updateUnit(String actor, String code, UnitInput in) {
        OrgUnit unit = requireUnit(code);
        Errors errors = new Errors();
        String name = errors.orgName(in.name(), "街道/镇名称");
        UnitType type = errors.unitType(in.type());
        boolean central = Boolean.TRUE.equals(in.central());
        errors.centralOnlyForStreets(type, central);
        errors.version(in.version());
        errors.throwIfAny();
        checkVersion(in.version(), unit.getVersion(), "街道/镇 " + code);
        String before = describe(unit);
        unit.change(name, type, central);
        identity.organisationsChanged();
        record(actor, Action.UPDATE, EntityType.UNIT, code, before + " → " + describe(unit));
        return unit;
    }
    /** Refused while active agencies are stationed there or active people hold a post in it. */
    public OrgUnit deactivateUnit(String actor, String code, Long version) {
        return switchActive(actor, requireUnit(code), EntityType.UNIT, "街道/镇", code, version, false, () -> {
            List<String> blockers = new ArrayList<>();
            agencies.findByOrgCodeAndActiveTrueOrderByCodeAsc(code).forEach(a -> blockers.add("派驻机构 " + a.getCode()));
            persons.findActiveHolders(UNIT_ROLES, code).forEach(p -> blockers.add("人员 " + p.getUsername()));
            return blockers.isEmpty() ? null : "街道/镇 " + code + " 仍有在用的派驻机构或岗位，请先停用派驻机构、撤销岗位: "
                    + String.join("、", blockers);
        });
    }
    public OrgUnit reactivateUnit(String actor, String code, Long version) {
        return switchActive(actor, requireUnit(code), EntityType.UNIT, "街道/镇", code, version, true, () -> null);
    }

    // ---------------------------------------------------------------- departments

    public Department createDepartment(String actor, DepartmentInput in) {
        Errors errors = new Errors();
        String code = errors.code(in.code(), "部门代码");
        String name = errors.orgName(in.name(), "部门名称");
        String district = errors.district(in.districtCode(), districts);
        errors.throwIfAny();
        if (departments.existsByCodeIgnoreCase(code)) {
            throw new InvalidInputException("部门代码已存在: " + code);
        }
        Department department = departments.save(new Department(code, name, district));
        identity.organisationsChanged();
        record(actor, Action.CREATE, EntityType.DEPARTMENT, code, name);
        return department;
    }

    public Department updateDepartment(String actor, String code, DepartmentInput in) {
        Department department = requireDepartment(code);
        Errors errors = new Errors();
        String name = errors.orgName(in.name(), "部门名称");
        errors.version(in.version());
        errors.throwIfAny();
        checkVersion(in.version(), department.getVersion(), "部门 " + code);
        String before = department.getName();
        department.rename(name);
        identity.organisationsChanged();
        record(actor, Action.UPDATE, EntityType.DEPARTMENT, code, before + " → " + name);
        return department;
    }
    /** Refused while the department has active agencies or active people hold a post in it. */
    public Department deactivateDepartment(String actor, String code, Long version) {
        return switchActive(actor, requireDepartment(code), EntityType.DEPARTMENT, "部门", code, version, false, () -> {
            List<String> blockers = new ArrayList<>();
            agencies.findByDeptCodeAndActiveTrueOrderByCodeAsc(code).forEach(a -> blockers.add("派驻机构 " + a.getCode()));
            persons.findActiveHolders(Set.of(PostRole.DEPARTMENT), code).forEach(p -> blockers.add("人员 " + p.getUsername()));
            return blockers.isEmpty() ? null : "部门 " + code + " 仍有在用的派驻机构或岗位，请先停用派驻机构、撤销岗位: "
                    + String.join("、", blockers);
        });
    }
    public Department reactivateDepartment(String actor, String code, Long version) {
        return switchActive(actor, requireDepartment(code), EntityType.DEPARTMENT, "部门", code, version, true,
                () -> null);
    }

    // ---------------------------------------------------------------- agencies

    public Agency createAgency(String actor, AgencyInput in) {
        Errors errors = new Errors();
        String orgCode = errors.required(in.orgCode(), "所在街道/镇");
        String deptCode = errors.required(in.deptCode(), "派出部门");
        String name = errors.orgName(in.name(), "派驻机构名称");
        OrgUnit unit = orgCode == null ? null : units.findById(orgCode).filter(OrgUnit::isActive).orElse(null);
        if (orgCode != null && unit == null) {
            errors.add("未知或已停用的街道/镇: " + orgCode);
        }
        Department department = deptCode == null ? null
                : departments.findById(deptCode).filter(Department::isActive).orElse(null);
        if (deptCode != null && department == null) {
            errors.add("未知或已停用的部门: " + deptCode);
        }
        errors.throwIfAny();
        String code = Agency.codeOf(unit.getCode(), department.getCode());
        if (agencies.existsByCodeIgnoreCase(code)) {
            throw new InvalidInputException("派驻机构已存在: " + code);
        }
        Agency agency = agencies.save(new Agency(unit.getCode(), department.getCode(), name));
        identity.organisationsChanged();
        record(actor, Action.CREATE, EntityType.AGENCY, code, name);
        return agency;
    }

    public Agency updateAgency(String actor, String code, AgencyInput in) {
        Agency agency = requireAgency(code);
        Errors errors = new Errors();
        String name = errors.orgName(in.name(), "派驻机构名称");
        errors.version(in.version());
        errors.throwIfAny();
        checkVersion(in.version(), agency.getVersion(), "派驻机构 " + code);
        String before = agency.getName();
        agency.rename(name);
        identity.organisationsChanged();
        record(actor, Action.UPDATE, EntityType.AGENCY, code, before + " → " + name);
        return agency;
    }
    /** Refused while active people hold a post in the agency. */
    public Agency deactivateAgency(String actor, String code, Long version) {
        return switchActive(actor, requireAgency(code), EntityType.AGENCY, "派驻机构", code, version, false, () -> {
            List<String> holders = persons.findActiveHolders(Set.of(PostRole.AGENCY), code).stream()
                    .map(Person::getUsername).toList();
            return holders.isEmpty() ? null : "派驻机构 " + code + " 仍有人员在岗，请先撤销其岗位: " + String.join("、", holders);
        });
    }
    /** Only while its street/town and its department are active. */
    public Agency reactivateAgency(String actor, String code, Long version) {
        Agency agency = requireAgency(code);
        return switchActive(actor, agency, EntityType.AGENCY, "派驻机构", code, version, true,
                () -> requireUnit(agency.getOrgCode()).isActive() && requireDepartment(agency.getDeptCode()).isActive()
                        ? null : "派驻机构 " + code + " 所在的街道/镇或派出部门已停用，请先启用它们");
    }

    // ---------------------------------------------------------------- people and posts

    /** A new person has no usable password until an administrator sets one in Camunda Admin. */
    public Person createPerson(String actor, PersonInput in) {
        Errors errors = new Errors();
        String username = errors.username(in.username(), userIdPattern());
        String familyName = errors.personName(in.familyName(), "姓");
        String givenName = errors.personName(in.givenName(), "名");
        String email = errors.email(in.email());
        errors.throwIfAny();
        if (persons.existsByUsernameIgnoreCase(username)) {
            throw new InvalidInputException("用户名已存在: " + username);
        }
        Person person = persons.save(new Person(username, familyName, givenName, email));
        identity.personChanged(username);
        record(actor, Action.CREATE, EntityType.PERSON, username, person.getDisplayName());
        return person;
    }

    public Person updatePerson(String actor, String username, PersonInput in) {
        Person person = requirePerson(username);
        Errors errors = new Errors();
        String familyName = errors.personName(in.familyName(), "姓");
        String givenName = errors.personName(in.givenName(), "名");
        String email = errors.email(in.email());
        errors.version(in.version());
        errors.throwIfAny();
        checkVersion(in.version(), person.getVersion(), "人员 " + username);
        String before = person.getDisplayName() + " " + Objects.toString(person.getEmail(), "");
        person.change(familyName, givenName, email);
        identity.personChanged(username);
        record(actor, Action.UPDATE, EntityType.PERSON, username,
                before.trim() + " → " + (person.getDisplayName() + " " + Objects.toString(email, "")).trim());
        return person;
    }

    /**
     * The person's Camunda user and memberships go; their posts stay in the model (they come back
     * with a reactivation); the tasks they had claimed go back to their candidate groups.
     */
    public Person deactivatePerson(String actor, String username, Long version) {
        Person person = requirePerson(username);
        checkVersion(version, person.getVersion(), "人员 " + username);
        if (!person.isActive()) {
            return person;
        }
        if (username.equals(actor)) {
            throw new InvalidInputException("不能停用自己的账户");
        }
        if (isAdministrator(person) && activeAdministrators() <= 1) {
            throw new InvalidInputException("不能停用最后一名在职的系统管理员");
        }
        person.deactivate();
        List<Task> claimed = taskService.createTaskQuery().taskAssignee(username).list();
        for (Task task : claimed) {
            taskService.setAssignee(task.getId(), null);
        }
        identity.personChanged(username);
        record(actor, Action.DEACTIVATE, EntityType.PERSON, username,
                person.getDisplayName() + (claimed.isEmpty() ? "" : "，退回其已认领的任务 " + claimed.size() + " 个"));
        return person;
    }

    /** Refused while one of the person's posts is in a deactivated organisation. */
    public Person reactivatePerson(String actor, String username, Long version) {
        Person person = requirePerson(username);
        checkVersion(version, person.getVersion(), "人员 " + username);
        if (person.isActive()) {
            return person;
        }
        List<String> stale = person.getPosts().stream()
                .filter(p -> p.getRole().isUnitScoped() && activeUnitCode(p.getRole(), p.getUnitCode()) == null)
                .map(p -> p.getRole().label() + " " + p.getUnitCode()).toList();
        if (!stale.isEmpty()) {
            throw new InvalidInputException("人员 " + username + " 的岗位所在单位已停用，请先撤销这些岗位: "
                    + String.join("、", stale));
        }
        person.reactivate();
        identity.personChanged(username);
        record(actor, Action.REACTIVATE, EntityType.PERSON, username, person.getDisplayName());
        return person;
    }

    /** The post gives the person the organisation's Camunda group at once. */
    public Person addPost(String actor, String username, PostInput in) {
        Person person = requirePerson(username);
        Errors errors = new Errors();
        PostRole role = errors.role(in.role());
        String title = errors.title(in.title());
        String given = in.unitCode() == null || in.unitCode().isBlank() ? null : in.unitCode().trim();
        String unitCode = null;
        if (role != null) {
            if (!role.isUnitScoped() && given != null) {
                errors.add("岗位类型 " + role.label() + " 属于全区，不应填写所属单位");
            } else if (role.isUnitScoped() && given == null) {
                errors.add("岗位类型 " + role.label() + " 须填写所属单位（" + kindLabel(role.unitKind()) + "代码）");
            } else if (role.isUnitScoped()) {
                unitCode = activeUnitCode(role, given);
                if (unitCode == null) {
                    errors.add("所属单位不存在或已停用: " + kindLabel(role.unitKind()) + " " + given);
                }
            }
        }
        errors.throwIfAny();
        checkVersion(in.version(), person.getVersion(), "人员 " + username);
        if (!person.isActive()) {
            throw new InvalidInputException("人员 " + username + " 已停用，不能任岗");
        }
        String unit = unitCode;
        boolean duplicate = person.getPosts().stream()
                .anyMatch(p -> p.getRole() == role && Objects.equals(p.getUnitCode(), unit));
        if (duplicate) {
            throw new InvalidInputException("人员 " + username + " 已有此岗位: " + role.groupId(unit));
        }
        Post post = person.addPost(role, unit, title);
        entityManager.lock(person, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        entityManager.flush();
        identity.personChanged(username);
        record(actor, Action.ADD_POST, EntityType.POST, username,
                "岗位 " + post.getId() + " " + role.groupId(unit) + " " + title);
        return person;
    }

    public Person removePost(String actor, String username, Long postId, Long version) {
        Person person = requirePerson(username);
        checkVersion(version, person.getVersion(), "人员 " + username);
        Post post = person.getPosts().stream().filter(p -> p.getId().equals(postId)).findFirst()
                .orElseThrow(() -> new NotFoundException("人员 " + username + " 没有岗位 " + postId));
        if (post.getRole() == PostRole.ADMIN) {
            if (username.equals(actor)) {
                throw new InvalidInputException("不能撤销自己的系统管理员岗位");
            }
            if (person.isActive() && activeAdministrators() <= 1) {
                throw new InvalidInputException("不能撤销最后一名在职系统管理员的岗位");
            }
        }
        person.removePost(postId);
        entityManager.lock(person, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        entityManager.flush();
        identity.personChanged(username);
        record(actor, Action.REMOVE_POST, EntityType.POST, username,
                "岗位 " + postId + " " + post.groupId() + " " + post.getTitle());
        return person;
    }

    // ---------------------------------------------------------------- helpers

    private OrgUnit requireUnit(String code) {
        return units.findById(code).orElseThrow(() -> new NotFoundException("未知的街道/镇: " + code));
    }

    private Department requireDepartment(String code) {
        return departments.findById(code).orElseThrow(() -> new NotFoundException("未知的部门: " + code));
    }

    private Agency requireAgency(String code) {
        return agencies.findById(code).orElseThrow(() -> new NotFoundException("未知的派驻机构: " + code));
    }

    private Person requirePerson(String username) {
        return persons.findById(username).orElseThrow(() -> new NotFoundException("未知的人员: " + username));
    }

    /** The code, as stored, of the active unit a unit-scoped post names; null if there is none. */
    private String activeUnitCode(PostRole role, String unitCode) {
        return switch (role.unitKind()) {
            case ORG_UNIT -> units.findById(unitCode).filter(OrgUnit::isActive).map(OrgUnit::getCode).orElse(null);
            case DEPARTMENT -> departments.findById(unitCode).filter(Department::isActive).map(Department::getCode)
                    .orElse(null);
            case AGENCY -> agencies.findById(unitCode).filter(Agency::isActive).map(Agency::getCode).orElse(null);
        };
    }

    static String kindLabel(UnitKind kind) {
        return switch (kind) {
            case ORG_UNIT -> "街道/镇";
            case DEPARTMENT -> "部门";
            case AGENCY -> "派驻机构";
        };
    }

    private static boolean isAdministrator(Person person) {
        return person.getPosts().stream().anyMatch(p -> p.getRole() == PostRole.ADMIN);
    }

    private long activeAdministrators() {
        return persons.findAllByOrderByUsernameAsc().stream().filter(Person::isActive)
                .filter(OrgAdministration::isAdministrator).count();
    }

    /**
     * The version the administrator read must be the current one, else 409. Updates must name it
     * ({@link Errors#version}); deactivations and posts check it when given.
     */
    private static void checkVersion(Long given, Long current, String what) {
        if (given != null && !given.equals(current)) {
            throw new OrgConflictException(what + " 已被他人修改（您读取的版本 " + given + "，当前版本 " + current
                    + "），请刷新后重新修改");
        }
    }

    private static String describe(OrgUnit unit) {
        return unit.getName() + "（" + unit.getType().label() + (unit.isCentral() ? "，中心城区" : "") + "）";
    }

    /**
     * Takes an organisation out of service or back: the version sent must be the one read, a switch
     * to the state it is in changes nothing, {@code refusal} may give the Chinese reason it cannot be
     * done (null when it can), Camunda's groups follow at once and the change log records it.
     */
    private <T extends Activatable> T switchActive(String actor, T organisation, EntityType type, String what,
            String code, Long version, boolean active, java.util.function.Supplier<String> refusal) {
        checkVersion(version, organisation.getVersion(), what + " " + code);
        if (organisation.isActive() == active) {
            return organisation;
        }
        String reason = refusal.get();
        if (reason != null) {
            throw new InvalidInputException(reason);
        }
        if (active) {
            organisation.reactivate();
        } else {
            organisation.deactivate();
        }
        identity.organisationsChanged();
        record(actor, active ? Action.REACTIVATE : Action.DEACTIVATE, type, code, organisation.getName());
        return organisation;
    }

    private void record(String actor, Action action, EntityType type, String code, String detail) {
        changes.save(new OrgChange(Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()), actor, action, type,
                code, detail));
        log.info("组织机构管理: {} {} {} {}（操作人 {}）", action, type, code, detail, actor);
    }

    /** The engine's pattern for user ids (user-specific, else general, else Camunda's default). */
    private Pattern userIdPattern() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String pattern = config.getUserResourceWhitelistPattern();
        if (pattern == null || pattern.isEmpty()) {
            pattern = config.getGeneralResourceWhitelistPattern();
        }
        return Pattern.compile(pattern == null || pattern.isEmpty() ? ENGINE_DEFAULT_ID_PATTERN : pattern);
    }

    /** Collects every broken rule of one input, so that the administrator sees them all at once. */
    static final class Errors {

        private final List<String> messages = new ArrayList<>();

        void add(String message) {
            messages.add(message);
        }

        void throwIfAny() {
            if (!messages.isEmpty()) {
                throw new InvalidInputException(messages);
            }
        }

        /** An update names the version it was read at, so that it never overwrites someone else's change unseen. */
        void version(Long version) {
            if (version == null) {
                add("请提供读取时得到的版本号 version，以免覆盖他人的修改");
            }
        }

        String required(String value, String field) {
            if (value == null || value.isBlank()) {
                add("请填写" + field);
                return null;
            }
            return value.trim();
        }

        String code(String value, String field) {
            String code = required(value, field);
            if (code != null && (code.length() > CODE_LENGTH || !CODE.matcher(code).matches())) {
                add(field + "只能由字母、数字和连字符组成（不以连字符开头或结尾），最长 " + CODE_LENGTH + " 个字符: " + code);
                return null;
            }
            return code;
        }

        String orgName(String value, String field) {
            String name = required(value, field);
            if (name == null) {
                return null;
            }
            if (name.length() > ORG_NAME_LENGTH || !HAN.matcher(name).find() || CONTROL.matcher(name).find()) {
                add(field + "须为中文名称，最长 " + ORG_NAME_LENGTH + " 个字符");
                return null;
            }
            return name;
        }

        String personName(String value, String field) {
            String name = required(value, field);
            if (name != null && (name.length() > PERSON_NAME_LENGTH || !PERSON_NAME.matcher(name).matches())) {
                add(field + "须为中文（可含间隔号“·”），最长 " + PERSON_NAME_LENGTH + " 个字符");
                return null;
            }
            return name;
        }

        String username(String value, Pattern engineIds) {
            String username = required(value, "用户名");
            if (username != null && (username.length() > USERNAME_LENGTH || !CODE.matcher(username).matches()
                    || !engineIds.matcher(username).matches())) {
                add("用户名只能由字母、数字和连字符组成（不以连字符开头或结尾），最长 " + USERNAME_LENGTH + " 个字符: " + username);
                return null;
            }
            return username;
        }

        String email(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String email = value.trim();
            if (email.length() > EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
                add("电子邮箱格式不正确: " + email);
                return null;
            }
            return email;
        }

        String title(String value) {
            String title = required(value, "职务名称");
            if (title != null && (title.length() > TITLE_LENGTH || CONTROL.matcher(title).find())) {
                add("职务名称最长 " + TITLE_LENGTH + " 个字符，且不得含控制字符");
                return null;
            }
            return title;
        }

        UnitType unitType(String value) {
            String type = required(value, "类型（STREET 街道 或 TOWN 镇）");
            if (type == null) {
                return null;
            }
            try {
                return UnitType.valueOf(type.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                add("类型须为 STREET（街道）或 TOWN（镇）: " + type);
                return null;
            }
        }

        void centralOnlyForStreets(UnitType type, boolean central) {
            if (type == UnitType.TOWN && central) {
                add("镇不能设为中心城区街道");
            }
        }

        PostRole role(String value) {
            String role = required(value, "岗位类型");
            if (role == null) {
                return null;
            }
            try {
                return PostRole.valueOf(role.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                add("未知的岗位类型 " + role + "，可选: " + Arrays.stream(PostRole.values()).map(Enum::name)
                        .collect(Collectors.joining("、")));
                return null;
            }
        }

        /** The given district, or the only one there is. */
        String district(String value, DistrictRepository districts) {
            if (value != null && !value.isBlank()) {
                String code = value.trim();
                if (!districts.existsById(code)) {
                    add("未知的区: " + code);
                    return null;
                }
                return code;
            }
            List<District> all = districts.findAllByOrderByCodeAsc();
            if (all.size() == 1) {
                return all.get(0).getCode();
            }
            add(all.isEmpty() ? "尚未建立区：请先新增区" : "请填写所属区代码");
            return null;
        }
    }
}
