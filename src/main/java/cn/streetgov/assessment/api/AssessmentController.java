package cn.streetgov.assessment.api;

import cn.streetgov.assessment.domain.AssessmentCase;
import cn.streetgov.assessment.domain.AssessmentPeriod;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.domain.CaseStatus;
import cn.streetgov.assessment.process.AssessmentCaseProcess;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.common.ForbiddenException;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.security.CurrentUser;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Results of the assessment (CONTRACT.md): {@code GET /api/assessments?period=…}, one row per
 * agency. The assessment office, org-dept and auditors see every row; a street/town's committee and
 * office see its agencies, a department its agencies, an agency itself. An agency reads its own
 * results with {@code GET /api/assessments/mine} and objects during publicity with
 * {@code POST /api/assessments/{caseNo}/objection}.
 */
@RestController
@RequestMapping("/api/assessments")
class AssessmentController {

    private final AssessmentService assessments;
    private final OrgDirectory org;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final OwnResults ownResults;

    AssessmentController(AssessmentService assessments, OrgDirectory org, RuntimeService runtimeService,
            IdentityService identityService, OwnResults ownResults) {
        this.assessments = assessments;
        this.ownResults = ownResults;
        this.org = org;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    /** The objective figures from whistle dispatch, as attached to the assessment. */
    record Objective(Integer summoned, Integer onTime, Integer late, BigDecimal onTimeRate,
            BigDecimal avgReportMinutes, BigDecimal avgSatisfaction) {
    }

    record AssessmentView(String caseNo, String period, String agencyCode, String agencyName, String orgCode,
            String orgName, String deptCode, BigDecimal totalScore, String grade, String status, String selfStatus,
            boolean vetoItem, int objectionCount, Objective objective, String gradeLabel, String statusLabel) {
    }

    record ObjectionRequest(String reason) {
    }

    /** The answer to an objection: the case and its status after it. */
    record ObjectionView(String caseNo, String status, String statusLabel) {
    }

    @GetMapping
    List<AssessmentView> list(@RequestParam String period, CurrentUser user) {
        String code = AssessmentPeriod.parse(period);
        Predicate<AssessmentCase> visible = visibility(user);
        return assessments.campaignOf(code).map(c -> assessments.casesOf(c.getId())).orElse(List.of()).stream()
                .filter(visible).map(this::view).toList();
    }

    /** The periods that have a campaign, the latest first (for the results page). */
    @GetMapping("/periods")
    List<String> periods(CurrentUser user) {
        visibility(user);
        return assessments.periods();
    }

    /**
     * The assessments of the caller's own agencies (the groups {@code agency-*} they belong to), every
     * period, the latest first: what the agency reads on its page {@code /app/assessments/mine}.
     */
    @GetMapping("/mine")
    List<OwnResults.OwnResult> mine(CurrentUser user) {
        return ownResults.of(user);
    }

    /**
     * The assessed agency's objection (异议) to its result: only its own members (an administrator
     * neither: the objection is the agency's word), only while its 公示 runs (until the end date, even
     * before the timer has ended it), once per 公示 (a second one after the committee's re-review goes to
     * 区考核办's arbitration, as the process has it).
     */
    @PostMapping("/{caseNo}/objection")
    ObjectionView object(@PathVariable String caseNo, @RequestBody ObjectionRequest request, CurrentUser user) {
        AssessmentCase c = assessments.findCase(caseNo)
                .orElseThrow(() -> new NotFoundException("未知的考核编号: " + caseNo));
        if (!OwnResults.isAgencyMember(user, c)) {
            throw new ForbiddenException("仅被考核的派驻机构（" + agencyName(c) + "）可以对本考核结果提出异议");
        }
        String refusal = OwnResults.objectionRefusal(c, CaseClock.now());
        if (refusal != null) {
            throw new InvalidInputException(refusal);
        }
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw new InvalidInputException("请填写异议理由");
        }
        // the agency may object although it may not touch the process instance: the checks above are the permission
        Authentication auth = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            runtimeService.createMessageCorrelation(AssessmentCaseProcess.MESSAGE_OBJECTION).processInstanceBusinessKey(caseNo)
                    .setVariable(AssessmentCaseProcess.Vars.OBJECTION_REASON, request.reason().trim())
                    .setVariable(AssessmentCaseProcess.Vars.OBJECTED_BY, user.userId())
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            // another objection of the agency came first (the case no longer waits for one)
            throw new InvalidInputException("本次公示已提出异议，不能重复提出");
        } finally {
            if (auth != null) {
                identityService.setAuthentication(auth);
            }
        }
        CaseStatus status = assessments.findCase(caseNo).orElseThrow().getStatus();
        return new ObjectionView(caseNo, status.name(), status.label());
    }

    private String agencyName(AssessmentCase c) {
        return org.findAgency(c.getAgencyCode()).map(a -> a.getName()).orElse(c.getAgencyCode());
    }

    private Predicate<AssessmentCase> visibility(CurrentUser user) {
        if (user.isAdmin() || user.isMemberOf(PostRole.ASSESSMENT_OFFICE.groupId(null))
                || user.isMemberOf(PostRole.ORG_DEPT.groupId(null)) || user.isMemberOf(CurrentUser.AUDITOR)) {
            return c -> true;
        }
        Predicate<AssessmentCase> visible = c -> user.isMemberOf(PostRole.STREET_COMMITTEE.groupId(c.getOrgCode()))
                || user.isMemberOf(PostRole.STREET_OFFICE.groupId(c.getOrgCode()))
                || user.isMemberOf(PostRole.DEPARTMENT.groupId(c.getDeptCode()))
                || user.isMemberOf(PostRole.AGENCY.groupId(c.getAgencyCode()));
        boolean anyRole = user.groupIds().stream().anyMatch(g -> g.startsWith("street-committee-")
                || g.startsWith("street-office-") || g.startsWith("dept-") || g.startsWith("agency-"));
        if (!anyRole) {
            throw new ForbiddenException("无权查看考核结果");
        }
        return visible;
    }

    private AssessmentView view(AssessmentCase c) {
        return new AssessmentView(c.getCaseNo(), c.getPeriod(), c.getAgencyCode(), agencyName(c), c.getOrgCode(),
                org.findUnit(c.getOrgCode()).map(u -> u.getName()).orElse(c.getOrgCode()), c.getDeptCode(),
                c.getTotalScore(), c.getGrade() == null ? null : c.getGrade().name(), c.getStatus().name(),
                c.getSelfStatus().name(), c.isVetoItem(), c.getObjectionCount(),
                objective(c), c.getGrade() == null ? null : c.getGrade().label(), c.getStatus().label());
    }

    static Objective objective(AssessmentCase c) {
        return new Objective(c.getObjSummoned(), c.getObjOnTime(), c.getObjLate(), c.getObjOnTimeRate(),
                c.getObjAvgReportMinutes(), c.getObjAvgSatisfaction());
    }
}
