package cn.streetgov.org;

import cn.streetgov.org.domain.Person;
import cn.streetgov.org.domain.PersonRepository;
import cn.streetgov.org.domain.Post;

import cn.streetgov.common.NotFoundException;
import cn.streetgov.org.domain.Agency;
import cn.streetgov.org.domain.AgencyRepository;
import cn.streetgov.org.domain.Department;
import cn.streetgov.org.domain.DepartmentRepository;
import cn.streetgov.org.domain.District;
import cn.streetgov.org.domain.DistrictRepository;
import cn.streetgov.org.domain.OrgUnit;
import cn.streetgov.org.domain.OrgUnitRepository;
import cn.streetgov.org.domain.PostRole;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation model as the workflows see it: streets/towns, departments, dispatched
 * agencies and their heads. Unknown codes raise {@link NotFoundException} with a Chinese reason.
 * <p>
 * The lists ({@link #units()}, {@link #agencies()}, {@link #groupsOf} …) hold what is in force: the
 * active organisations, those new work may go to. Lookups by code ({@code find…}, {@code require…})
 * also find what an administrator deactivated, since cases keep naming it; the {@code all…} lists
 * hold everything, for the administrators and the Camunda groups.
 */
@Service
@Transactional(readOnly = true)
public class OrgDirectory {

    private final OrgUnitRepository units;
    private final DepartmentRepository departments;
    private final AgencyRepository agencies;
    private final PersonRepository people;
    private final DistrictRepository districts;

    OrgDirectory(OrgUnitRepository units, DepartmentRepository departments, AgencyRepository agencies,
            PersonRepository people, DistrictRepository districts) {
        this.districts = districts;
        this.units = units;
        this.departments = departments;
        this.agencies = agencies;
        this.people = people;
    }

    /** A person of the organisation model (active or not), by user name. */
    public Optional<Person> findPerson(String username) {
        return username == null ? Optional.empty() : people.findById(username);
    }

    /** Everyone of the organisation model, deactivated people included (cases name them), by user name. */
    public List<Person> people() {
        return people.findAllByOrderByUsernameAsc();
    }

    /** The name of the district (示范区), the first when the model holds several; empty when none. */
    public Optional<String> districtName() {
        return districts.findAllByOrderByCodeAsc().stream().map(District::getName).findFirst();
    }

    /** How a person is named to others: their full name, family name first (王明); else the user name. */
    public String personName(String username) {
        return username == null ? null : findPerson(username).map(Person::getDisplayName).orElse(username);
    }

    /** The title of the person's post that makes them a member of the group (e.g. 党工委书记), if any. */
    public Optional<String> postTitle(String username, String groupId) {
        if (groupId == null) {
            return Optional.empty();
        }
        return findPerson(username).flatMap(person -> person.getPosts().stream()
                .filter(post -> groupId.equals(post.groupId())).map(Post::getTitle)
                .filter(title -> title != null && !title.isBlank()).findFirst());
    }

    /**
     * The Chinese name of a street/town, department or agency code (东华街道 for S01, 东华派出所 for
     * S01-GA), deactivated ones included; empty for an unknown code.
     */
    public Optional<String> nameOf(String code) {
        return findUnit(code).map(OrgUnit::getName)
                .or(() -> findDepartment(code).map(Department::getName))
                .or(() -> findAgency(code).map(Agency::getName));
    }

    /**
     * The active people who are members of the Camunda group now (each post gives one membership),
     * e.g. everyone holding a post of 东华街道办事处 for {@code street-office-S01}; none for a group the
     * model does not define.
     */
    public List<Person> activeMembers(String groupId) {
        if (groupId == null) {
            return List.of();
        }
        for (PostRole role : PostRole.values()) {
            if (!role.isUnitScoped() && role.groupId(null).equals(groupId)) {
                return people.findActiveDistrictHolders(role);
            }
            String prefix = role.isUnitScoped() ? role.groupId("") : null;
            if (prefix != null && groupId.startsWith(prefix) && groupId.length() > prefix.length()) {
                return people.findActiveHolders(List.of(role), groupId.substring(prefix.length()));
            }
        }
        return List.of();
    }

    /** The active streets and towns. */
    public List<OrgUnit> units() {
        return units.findByActiveTrueOrderByCodeAsc();
    }

    /** Every street and town, deactivated ones included. */
    public List<OrgUnit> allUnits() {
        return units.findAllByOrderByCodeAsc();
    }

    public Optional<OrgUnit> findUnit(String code) {
        return code == null ? Optional.empty() : units.findById(code);
    }

    /** An active street/town: what new cases may name (a deactivated one is kept for history only). */
    public Optional<OrgUnit> findActiveUnit(String code) {
        return findUnit(code).filter(OrgUnit::isActive);
    }

    public OrgUnit requireUnit(String code) {
        return findUnit(code).orElseThrow(() -> new NotFoundException("未知的街道/镇: " + code));
    }

    /** The active departments. */
    public List<Department> departments() {
        return departments.findByActiveTrueOrderByCodeAsc();
    }

    /** Every department, deactivated ones included. */
    public List<Department> allDepartments() {
        return departments.findAllByOrderByCodeAsc();
    }

    public Optional<Department> findDepartment(String code) {
        return code == null ? Optional.empty() : departments.findById(code);
    }

    /** An active department: what new cases may name. */
    public Optional<Department> findActiveDepartment(String code) {
        return findDepartment(code).filter(Department::isActive);
    }

    public Department requireDepartment(String code) {
        return findDepartment(code).orElseThrow(() -> new NotFoundException("未知的部门: " + code));
    }

    /** The active agencies. */
    public List<Agency> agencies() {
        return agencies.findByActiveTrueOrderByCodeAsc();
    }

    /** Every agency, deactivated ones included. */
    public List<Agency> allAgencies() {
        return agencies.findAllByOrderByCodeAsc();
    }

    /** The active agencies in the street/town. */
    public List<Agency> agenciesIn(String orgCode) {
        return agencies.findByOrgCodeAndActiveTrueOrderByCodeAsc(orgCode);
    }

    /** The active agencies of the department. */
    public List<Agency> agenciesOf(String deptCode) {
        return agencies.findByDeptCodeAndActiveTrueOrderByCodeAsc(deptCode);
    }

    public Optional<Agency> findAgency(String code) {
        return code == null ? Optional.empty() : agencies.findById(code);
    }

    /** An active agency: what new cases may name. */
    public Optional<Agency> findActiveAgency(String code) {
        return findAgency(code).filter(Agency::isActive);
    }

    /** The active agency the department keeps in the street/town, if any (where new work for the pair goes). */
    public Optional<Agency> findAgency(String orgCode, String deptCode) {
        return agencies.findByOrgCodeAndDeptCodeAndActiveTrue(orgCode, deptCode);
    }

    public Agency requireAgency(String code) {
        return findAgency(code).orElseThrow(() -> new NotFoundException("未知的派驻机构: " + code));
    }

    /**
     * Every Camunda group of a role in the current organisation model, e.g. all {@code dept-*} groups
     * of the active departments for {@link PostRole#DEPARTMENT}; the one group of a district-wide role.
     */
    public java.util.SortedSet<String> groupsOf(PostRole role) {
        java.util.stream.Stream<String> units = switch (role) {
            case STREET_COMMITTEE, STREET_OFFICE -> units().stream().map(OrgUnit::getCode);
            case DEPARTMENT -> departments().stream().map(Department::getCode);
            case AGENCY -> agencies().stream().map(Agency::getCode);
            default -> java.util.stream.Stream.of((String) null);
        };
        return units.map(role::groupId).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** 任职/调整: the agency's head becomes {@code name} in {@code title} from {@code since}. */
    @Transactional
    public Agency appointHead(String agencyCode, String name, String title, LocalDate since) {
        Agency agency = requireAgency(agencyCode);
        agency.appointHead(name, title, since);
        return agency;
    }

    /** 免职: the agency has no head until the next appointment. */
    @Transactional
    public Agency removeHead(String agencyCode) {
        Agency agency = requireAgency(agencyCode);
        agency.removeHead();
        return agency;
    }
}
