package cn.streetgov.admission.api;

import cn.streetgov.admission.domain.DutyAdmissionCase;
import cn.streetgov.admission.domain.DutyAdmissionTarget;
import cn.streetgov.admission.domain.DutyAdmissions;
import cn.streetgov.admission.domain.DutyAdmissions.Entry;
import cn.streetgov.common.ForbiddenException;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.security.CurrentUser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only views of duty-admission (login): what departments ask of a street outside its list
 * ({@code GET /api/duties/not-admitted?org=S01}: pending, refused, not agreed — for the street's own
 * committee and office, 编办, 组织部, auditors and administrators; a department sees its own
 * applications only) and one application with every street's opinion ({@code GET
 * /api/duty-admissions/{caseNo}}: the applying department, the target streets, the same district
 * bodies). Anyone else: 403 with the reason.
 */
@RestController
class DutyAdmissionController {

    private static final String[] DISTRICT = {PostRole.BIANBAN.groupId(null), PostRole.ORG_DEPT.groupId(null),
        CurrentUser.AUDITOR, CurrentUser.ADMIN};

    record NotAdmittedView(String caseNo, String deptCode, String deptName, String dutyName, String category,
            String categoryLabel, String status, String statusLabel, String reason, LocalDateTime appliedAt) {
    }

    record TargetView(String orgCode, String orgName, String status, String statusLabel, String opinion,
            String opinionComment, String opinionBy, LocalDateTime opinionAt, String dutyCode) {
    }

    record CaseView(String caseNo, String processInstanceId, String deptCode, String deptName, String dutyName,
            String description, String category, String categoryLabel, String legalBasis, int staff, BigDecimal funds,
            LocalDate startDate, String reason, String status, String statusLabel, String ruleItem, String ruleReason,
            String decision, String decisionComment, String decidedBy, LocalDateTime decidedAt, String startedBy,
            LocalDateTime createdAt, LocalDateTime closedAt, List<TargetView> targets) {
    }

    private final DutyAdmissions admissions;
    private final OrgDirectory org;

    DutyAdmissionController(DutyAdmissions admissions, OrgDirectory org) {
        this.admissions = admissions;
        this.org = org;
    }

    @GetMapping("/api/duties/not-admitted")
    List<NotAdmittedView> notAdmitted(@RequestParam(name = "org", required = false) String orgCode, CurrentUser user) {
        if (orgCode == null || orgCode.isBlank()) {
            throw new InvalidInputException("请用参数 org 指定街道/镇，例如 /api/duties/not-admitted?org=S01");
        }
        String code = orgCode.strip();
        String name = org.findUnit(code).map(u -> u.getName())
                .orElseThrow(() -> new NotFoundException("未知的街道/镇: " + code));
        boolean all = district(user) || user.isMemberOf(PostRole.STREET_COMMITTEE.groupId(code))
                || user.isMemberOf(PostRole.STREET_OFFICE.groupId(code));
        boolean department = org.departments().stream()
                .anyMatch(d -> user.isMemberOf(PostRole.DEPARTMENT.groupId(d.getCode())));
        if (!all && !department) {
            throw new ForbiddenException("只有" + name + "的党(工)委和办事处、申请部门、区委编办、区委组织部和审计人员可以查看"
                    + name + "的未准入事项");
        }
        return admissions.notAdmitted(code).stream()
                .filter(e -> all || user.isMemberOf(PostRole.DEPARTMENT.groupId(e.admission().getDeptCode())))
                .map(this::view).toList();
    }

    @GetMapping("/api/duty-admissions/{caseNo}")
    CaseView admission(@PathVariable String caseNo, CurrentUser user) {
        DutyAdmissionCase c = admissions.findByCaseNo(caseNo)
                .orElseThrow(() -> new NotFoundException("没有准入申请 " + caseNo));
        List<DutyAdmissionTarget> targets = admissions.targets(c.getId());
        boolean allowed = district(user) || user.isMemberOf(PostRole.DEPARTMENT.groupId(c.getDeptCode()))
                || targets.stream().anyMatch(t -> user.isMemberOf(PostRole.STREET_COMMITTEE.groupId(t.getOrgCode()))
                        || user.isMemberOf(PostRole.STREET_OFFICE.groupId(t.getOrgCode())));
        if (!allowed) {
            throw new ForbiddenException("只有申请部门、承接的街道/镇、区委编办、区委组织部和审计人员可以查看准入申请 " + caseNo);
        }
        return new CaseView(c.getCaseNo(), c.getProcessInstanceId(), c.getDeptCode(), deptName(c.getDeptCode()),
                c.getName(), c.getDescription(), c.getCategory().name(), c.getCategory().label(), c.getLegalBasis(),
                c.getStaff(), c.getFunds(), c.getStartDate(), c.getReason(), c.getStatus().name(),
                c.getStatus().label(), c.getRuleItem(), c.getRuleReason(), c.getDecision(), c.getDecisionComment(),
                c.getDecidedBy(), c.getDecidedAt(), c.getStartedBy(), c.getCreatedAt(), c.getClosedAt(),
                targets.stream().map(t -> new TargetView(t.getOrgCode(), org.nameOf(t.getOrgCode()).orElse(t.getOrgCode()),
                        t.getStatus().name(), t.getStatus().label(), t.getOpinion(), t.getOpinionComment(),
                        t.getOpinionBy(), t.getOpinionAt(), t.getDutyCode())).toList());
    }

    private NotAdmittedView view(Entry e) {
        DutyAdmissionCase c = e.admission();
        String reason = switch (e.target().getStatus()) {
            case REFUSED_BY_RULES -> c.getRuleReason();
            case REFUSED -> c.getDecisionComment();
            case NOT_ADMITTED, DISAGREE -> e.target().getOpinionComment();
            default -> null;
        };
        return new NotAdmittedView(c.getCaseNo(), c.getDeptCode(), deptName(c.getDeptCode()), c.getName(),
                c.getCategory().name(), c.getCategory().label(), e.target().getStatus().name(),
                e.target().getStatus().label(), reason, c.getCreatedAt());
    }

    private String deptName(String code) {
        return org.nameOf(code).orElse(code);
    }

    private static boolean district(CurrentUser user) {
        for (String group : DISTRICT) {
            if (user.isMemberOf(group)) {
                return true;
            }
        }
        return false;
    }
}
