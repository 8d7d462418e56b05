package cn.streetgov.org.api;

import cn.streetgov.common.ForbiddenException;
import cn.streetgov.org.domain.Agency;
import cn.streetgov.org.domain.Department;
import cn.streetgov.org.domain.District;
import cn.streetgov.org.domain.OrgAdministration;
import cn.streetgov.org.domain.OrgAdministration.AgencyInput;
import cn.streetgov.org.domain.OrgAdministration.DepartmentInput;
import cn.streetgov.org.domain.OrgAdministration.DistrictInput;
import cn.streetgov.org.domain.OrgAdministration.PersonInput;
import cn.streetgov.org.domain.OrgAdministration.PostInput;
import cn.streetgov.org.domain.OrgAdministration.UnitInput;
import cn.streetgov.org.domain.OrgChange;
import cn.streetgov.org.domain.OrgConflictException;
import cn.streetgov.org.domain.OrgUnit;
import cn.streetgov.org.domain.Person;
import cn.streetgov.org.domain.Post;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.security.CurrentUser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrators' API of the organisation model (page: {@code /app/admin/org}). Only members of
 * {@code camunda-admin}; everyone else gets 403. Bad input is 400 with the Chinese reasons, an edit
 * of a row someone changed since it was read is 409; every change reaches the Camunda identity in
 * the same transaction. Organisations and people are deactivated, never deleted.
 */
@RestController
@RequestMapping("/api/admin/org")
class OrgAdminController {

    static final String ADMINS_ONLY = "组织机构管理仅限系统管理员（camunda-admin）";
    static final String CONCURRENT_CHANGE = "保存失败：数据已被他人同时修改，或代码/用户名已被同时占用，请刷新后重试";

    private final OrgAdministration admin;

    OrgAdminController(OrgAdministration admin) {
        this.admin = admin;
    }

    record DistrictView(String code, String name, Long version) {
        static DistrictView of(District d) {
            return new DistrictView(d.getCode(), d.getName(), d.getVersion());
        }
    }

    record UnitView(String code, String name, String districtCode, String type, String typeLabel, boolean central,
            boolean active, Long version) {
        static UnitView of(OrgUnit u) {
            return new UnitView(u.getCode(), u.getName(), u.getDistrictCode(), u.getType().name(), u.getType().label(),
                    u.isCentral(), u.isActive(), u.getVersion());
        }
    }

    record DepartmentView(String code, String name, String districtCode, boolean active, Long version) {
        static DepartmentView of(Department d) {
            return new DepartmentView(d.getCode(), d.getName(), d.getDistrictCode(), d.isActive(), d.getVersion());
        }
    }

    record AgencyView(String code, String name, String orgCode, String deptCode, String headName, String headTitle,
            LocalDate headSince, boolean active, Long version) {
        static AgencyView of(Agency a) {
            return new AgencyView(a.getCode(), a.getName(), a.getOrgCode(), a.getDeptCode(), a.getHeadName(),
                    a.getHeadTitle(), a.getHeadSince(), a.isActive(), a.getVersion());
        }
    }

    record PostView(Long id, String role, String roleLabel, String unitCode, String title, String groupId) {
        static PostView of(Post p) {
            return new PostView(p.getId(), p.getRole().name(), p.getRole().label(), p.getUnitCode(), p.getTitle(),
                    p.groupId());
        }
    }

    record PersonView(String username, String familyName, String givenName, String displayName, String email,
            boolean active, Long version, List<PostView> posts) {
        static PersonView of(Person p) {
            return new PersonView(p.getUsername(), p.getFamilyName(), p.getGivenName(), p.getDisplayName(),
                    p.getEmail(), p.isActive(), p.getVersion(), p.getPosts().stream().map(PostView::of).toList());
        }
    }

    /** {@code unitKind}: ORG_UNIT, DEPARTMENT, AGENCY, or null for a district-wide body. */
    record RoleView(String role, String label, String unitKind) {
        static RoleView of(PostRole r) {
            return new RoleView(r.name(), r.label(), r.unitKind() == null ? null : r.unitKind().name());
        }
    }

    record ChangeView(Long id, Instant changedAt, String actorId, String action, String entityType, String entityCode,
            String detail) {
        static ChangeView of(OrgChange c) {
            return new ChangeView(c.getId(), c.getChangedAt(), c.getActorId(), c.getAction().name(),
                    c.getEntityType().name(), c.getEntityCode(), c.getDetail());
        }
    }

    record Overview(List<DistrictView> districts, List<UnitView> units, List<DepartmentView> departments,
            List<AgencyView> agencies, List<PersonView> people, List<RoleView> roles) {
    }

    /** The body of a deactivation or reactivation: the version read, optional. */
    record VersionInput(Long version) {
        static Long of(VersionInput in) {
            return in == null ? null : in.version();
        }
    }

    // ---------------------------------------------------------------- everything at once (the page)

    @GetMapping
    Overview overview(CurrentUser user) {
        requireAdmin(user);
        return new Overview(districts(user), units(user), departments(user), agencies(user), people(user), roles(user));
    }

    @GetMapping("/roles")
    List<RoleView> roles(CurrentUser user) {
        requireAdmin(user);
        return Arrays.stream(PostRole.values()).map(RoleView::of).toList();
    }

    @GetMapping("/changes")
    List<ChangeView> changes(CurrentUser user, @RequestParam(defaultValue = "100") int limit) {
        requireAdmin(user);
        return admin.recentChanges(limit).stream().map(ChangeView::of).toList();
    }

    // ---------------------------------------------------------------- districts

    @GetMapping("/districts")
    List<DistrictView> districts(CurrentUser user) {
        requireAdmin(user);
        return admin.districts().stream().map(DistrictView::of).toList();
    }

    @PostMapping("/districts")
    ResponseEntity<DistrictView> createDistrict(CurrentUser user, @RequestBody DistrictInput in) {
        requireAdmin(user);
        return created(DistrictView.of(guarded(() -> admin.createDistrict(user.userId(), in))));
    }

    @PutMapping("/districts/{code}")
    DistrictView updateDistrict(CurrentUser user, @PathVariable String code, @RequestBody DistrictInput in) {
        requireAdmin(user);
        return DistrictView.of(guarded(() -> admin.updateDistrict(user.userId(), code, in)));
    }

    // ---------------------------------------------------------------- streets and towns

    @GetMapping("/units")
    List<UnitView> units(CurrentUser user) {
        requireAdmin(user);
        return admin.units().stream().map(UnitView::of).toList();
    }

    @PostMapping("/units")
    ResponseEntity<UnitView> createUnit(CurrentUser user, @RequestBody UnitInput in) {
        requireAdmin(user);
        return created(UnitView.of(guarded(() -> admin.createUnit(user.userId(), in))));
    }

    @PutMapping("/units/{code}")
    UnitView updateUnit(CurrentUser user, @PathVariable String code, @RequestBody UnitInput in) {
        requireAdmin(user);
        return UnitView.of(guarded(() -> admin.updateUnit(user.userId(), code, in)));
    }

    @PostMapping("/units/{code}/deactivate")
    UnitView deactivateUnit(CurrentUser user, @PathVariable String code,
            @RequestBody(required = false) VersionInput in) {
        requireAdmin(user);
        return UnitView.of(guarded(() -> admin.deactivateUnit(user.userId(), code, VersionInput.of(in))));
    }

    @PostMapping("/units/{code}/reactivate")
    UnitView reactivateUnit(CurrentUser user, @PathVariable String code,
            @RequestBody(required = false) VersionInput in) {
        requireAdmin(user);
        return UnitView.of(guarded(() -> admin.reactivateUnit(user.userId(), code, VersionInput.of(in))));
    }

    // ---------------------------------------------------------------- departments

    @GetMapping("/departments")
    List<DepartmentView> departments(CurrentUser user) {
        requireAdmin(user);
        return admin.departments().stream().map(DepartmentView::of).toList();
    }

    @PostMapping("/departments")
    ResponseEntity<DepartmentView> createDepartment(CurrentUser user, @RequestBody DepartmentInput in) {
        requireAdmin(user);
        return created(DepartmentView.of(guarded(() -> admin.createDepartment(user.userId(), in))));
    }

    @PutMapping("/departments/{code}")
    DepartmentView updateDepartment(CurrentUser user, @PathVariable String code, @RequestBody DepartmentInput in) {
        requireAdmin(user);
        return DepartmentView.of(guarded(() -> admin.updateDepartment(user.userId(), code, in)));
    }

    @PostMapping("/departments/{code}/deactivate")
    DepartmentView deactivateDepartment(CurrentUser user, @PathVariable String code,
            @RequestBody(required = false) VersionInput in) {
        requireAdmin(user);
        return DepartmentView.of(guarded(() -> admin.deactivateDepartment(user.userId(), code, VersionInput.of(in))));
    }

    @PostMapping("/departments/{code}/reactivate")
    DepartmentView reactivateDepartment(CurrentUser user, @PathVariable String code,
            @RequestBody(required = false) VersionInput in) {
        requireAdmin(user);
        return DepartmentView.of(guarded(() -> admin.reactivateDepartment(user.userId(), code, VersionInput.of(in))));
    }

    // ---------------------------------------------------------------- agencies

    @GetMapping("/agencies")
    List<AgencyView> agencies(CurrentUser user) {
        requireAdmin(user);
        return admin.agencies().stream().map(AgencyView::of).toList();
    }

    @PostMapping("/agencies")
    ResponseEntity<AgencyView> createAgency(CurrentUser user, @RequestBody AgencyInput in) {
        requireAdmin(user);
        return created(AgencyView.of(guarded(() -> admin.createAgency(user.userId(), in))));
    }

    @PutMapping("/agencies/{code}")
    AgencyView updateAgency(CurrentUser user, @PathVariable String code, @RequestBody AgencyInput in) {
        requireAdmin(user);
        return AgencyView.of(guarded(() -> admin.updateAgency(user.userId(), code, in)));
    }

    @PostMapping("/agencies/{code}/deactivate")
    AgencyView deactivateAgency(CurrentUser user, @PathVariable String code,
            @RequestBody(required = false) VersionInput in) {
        requireAdmin(user);
        return AgencyView.of(guarded(() -> admin.deactivateAgency(user.userId(), code, VersionInput.of(in))));
    }

    @PostMapping("/agencies/{code}/reactivate")
    AgencyView reactivateAgency(CurrentUser user, @PathVariable String code,
            @RequestBody(required = false) VersionInput in) {
        requireAdmin(user);
        return AgencyView.of(guarded(() -> admin.reactivateAgency(user.userId(), code, VersionInput.of(in))));
    }

    // ---------------------------------------------------------------- people and posts

    @GetMapping("/people")
    List<PersonView> people(CurrentUser user) {
        requireAdmin(user);
        return admin.people().stream().map(PersonView::of).toList();
    }

    @GetMapping("/people/{username}")
    PersonView person(CurrentUser user, @PathVariable String username) {
        requireAdmin(user);
        return PersonView.of(admin.person(username));
    }

    /** The new person has no usable password: an administrator sets one in Camunda Admin. */
    @PostMapping("/people")
    ResponseEntity<PersonView> createPerson(CurrentUser user, @RequestBody PersonInput in) {
        requireAdmin(user);
        return created(PersonView.of(guarded(() -> admin.createPerson(user.userId(), in))));
    }

    @PutMapping("/people/{username}")
    PersonView updatePerson(CurrentUser user, @PathVariable String username, @RequestBody PersonInput in) {
        requireAdmin(user);
        return PersonView.of(guarded(() -> admin.updatePerson(user.userId(), username, in)));
    }

    @PostMapping("/people/{username}/deactivate")
    PersonView deactivatePerson(CurrentUser user, @PathVariable String username,
            @RequestBody(required = false) VersionInput in) {
        requireAdmin(user);
        return PersonView.of(guarded(() -> admin.deactivatePerson(user.userId(), username, VersionInput.of(in))));
    }

    @PostMapping("/people/{username}/reactivate")
    PersonView reactivatePerson(CurrentUser user, @PathVariable String username,
            @RequestBody(required = false) VersionInput in) {
        requireAdmin(user);
        return PersonView.of(guarded(() -> admin.reactivatePerson(user.userId(), username, VersionInput.of(in))));
    }

    @PostMapping("/people/{username}/posts")
    ResponseEntity<PersonView> addPost(CurrentUser user, @PathVariable String username, @RequestBody PostInput in) {
        requireAdmin(user);
        return created(PersonView.of(guarded(() -> admin.addPost(user.userId(), username, in))));
    }

    @DeleteMapping("/people/{username}/posts/{postId}")
    PersonView removePost(CurrentUser user, @PathVariable String username, @PathVariable long postId,
            @RequestParam(required = false) Long version) {
        requireAdmin(user);
        return PersonView.of(guarded(() -> admin.removePost(user.userId(), username, postId, version)));
    }

    // ---------------------------------------------------------------- helpers

    static void requireAdmin(CurrentUser user) {
        if (user == null || !user.isAdmin()) {
            throw new ForbiddenException(ADMINS_ONLY);
        }
    }

    /**
     * Two administrators at the same row at the same moment: the one who commits second (or waits
     * too long for the other's lock) gets 409, and nothing of theirs is written.
     */
    private static <T> T guarded(Supplier<T> change) {
        try {
            return change.get();
        } catch (ConcurrencyFailureException | DataIntegrityViolationException | OptimisticLockException
                | PessimisticLockException | LockTimeoutException | OptimisticLockingException e) {
            throw new OrgConflictException(CONCURRENT_CHANGE);
        }
    }

    private static <T> ResponseEntity<T> created(T body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }
}
