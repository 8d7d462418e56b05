package cn.streetgov.assessment.api;

import cn.streetgov.assessment.api.AssessmentController.Objective;
import cn.streetgov.assessment.domain.AssessmentCase;
import cn.streetgov.assessment.domain.AssessmentObjection;
import cn.streetgov.assessment.domain.AssessmentPeriod;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.domain.CaseStatus;
import cn.streetgov.assessment.domain.SelfStatus;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.common.ForbiddenException;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.security.CurrentUser;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assessed agency's own view of its assessments (本机构考核结果): every period, with the status in
 * Chinese; once the committee has decided (公示 on), the total, the grade, the score of each indicator,
 * the veto and the committee's reasons; the objective figures; the 公示 end and whether the agency may
 * object now; its objections and how they were decided. Scores still being given are not shown.
 */
@Component
class OwnResults {

    private static final Map<String, String> DECISIONS = Map.of("CONFIRM", "确认", "ADJUST", "调整",
            "UPHOLD", "异议成立", "REJECT", "异议不成立", "KEEP", "维持原结果", "CHANGE", "变更结果");
    private static final Map<SelfStatus, String> SELF = Map.of(SelfStatus.PENDING, "待提交",
            SelfStatus.SUBMITTED, "已提交", SelfStatus.NOT_SUBMITTED, "逾期未提交");

    record Indicator(String label, Integer score) {
    }

    record Objection(int round, String reason, String raisedByName, OffsetDateTime raisedAt, String raisedAtText,
            String decisionLabel, BigDecimal decidedScore, String decidedAtText) {
    }

    record OwnResult(String caseNo, String period, String periodLabel, String agencyCode, String agencyName,
            String orgName, String status, String statusLabel, String selfStatusLabel, Integer selfScore,
            BigDecimal totalScore, String grade, String gradeLabel, List<Indicator> scores, boolean vetoItem,
            String vetoReason, String committeeDecisionLabel, String adjustReason, Objective objective,
            OffsetDateTime publicityUntil, String publicityUntilText, boolean mayObject, List<Objection> objections) {
    }

    private final AssessmentService assessments;
    private final OrgDirectory org;

    OwnResults(AssessmentService assessments, OrgDirectory org) {
        this.assessments = assessments;
        this.org = org;
    }

    /** The assessments of the caller's agencies; 403 for anyone who is no agency's member. */
    @Transactional(readOnly = true)
    List<OwnResult> of(CurrentUser user) {
        String prefix = PostRole.AGENCY.groupId("");
        List<String> agencies = user.groupIds().stream().filter(g -> g.startsWith(prefix))
                .map(g -> g.substring(prefix.length())).sorted().toList();
        if (agencies.isEmpty()) {
            throw new ForbiddenException("本页面供派驻机构查看本机构的考核结果；您不是派驻机构人员");
        }
        LocalDateTime now = CaseClock.now();
        return assessments.casesOfAgencies(agencies).stream().map(c -> view(c, now)).toList();
    }

    /** Whether the user is a member of the assessed agency (no one else may object, administrators neither). */
    static boolean isAgencyMember(CurrentUser user, AssessmentCase c) {
        return user.isMemberOf(PostRole.AGENCY.groupId(c.getAgencyCode()));
    }

    /** Why the agency may not object now, in Chinese; null while it may. */
    static String objectionRefusal(AssessmentCase c, LocalDateTime now) {
        return switch (c.getStatus()) {
            case SCORING -> "考核尚在评分中（" + CaseStatus.SCORING.label() + "），结果公示后方可提出异议";
            case OBJECTION -> "本机构已提出异议，当前状态：" + CaseStatus.OBJECTION.label() + "，不能重复提出"
                    + (c.getObjectionCount() < 2 ? "；复核结果公示期间仍有异议的，可再次提出" : "");
            case FINAL -> "考核结果" + CaseStatus.FINAL.label() + "，不能再提出异议";
            case PUBLICITY -> c.getPublicityUntil() != null && !now.isBefore(c.getPublicityUntil())
                    ? "公示期已于 " + CaseClock.SHOWN_MINUTE.format(c.getPublicityUntil()) + " 结束，不能再提出异议" : null;
        };
    }

    private OwnResult view(AssessmentCase c, LocalDateTime now) {
        boolean decided = c.getStatus() != CaseStatus.SCORING;
        List<Indicator> scores = decided ? List.of(new Indicator("指挥调度", c.getScoreCommand()),
                new Indicator("履职清单", c.getScoreDuty()), new Indicator("工作作风", c.getScoreStyle()),
                new Indicator("协作配合", c.getScoreCooperation()), new Indicator("群众满意度", c.getScoreSatisfaction()))
                : List.of();
        List<Objection> objections = new ArrayList<>();
        for (AssessmentObjection o : assessments.objectionsOf(c.getId())) {
            objections.add(new Objection(o.getRoundNo(), o.getReason(), org.personName(o.getRaisedBy()), at(o.getRaisedAt()),
                    text(o.getRaisedAt()), decision(o.getDecision()), o.getDecidedScore(), text(o.getDecidedAt())));
        }
        return new OwnResult(c.getCaseNo(), c.getPeriod(), AssessmentPeriod.label(c.getPeriod()), c.getAgencyCode(),
                org.nameOf(c.getAgencyCode()).orElse(c.getAgencyCode()), org.nameOf(c.getOrgCode()).orElse(c.getOrgCode()),
                c.getStatus().name(), c.getStatus().label(), SELF.get(c.getSelfStatus()), c.getSelfScore(),
                decided ? c.getTotalScore() : null, decided && c.getGrade() != null ? c.getGrade().name() : null,
                decided && c.getGrade() != null ? c.getGrade().label() : null, scores, decided && c.isVetoItem(),
                decided ? c.getVetoReason() : null, decided ? decision(c.getCommitteeDecision()) : null,
                decided ? c.getAdjustReason() : null, AssessmentController.objective(c), at(c.getPublicityUntil()),
                text(c.getPublicityUntil()), objectionRefusal(c, now) == null, objections);
    }

    private static String decision(String code) {
        return code == null ? null : DECISIONS.get(code);
    }

    private static OffsetDateTime at(LocalDateTime time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.SECONDS).atZone(CaseClock.zone()).toOffsetDateTime();
    }

    private static String text(LocalDateTime time) {
        return time == null ? null : CaseClock.SHOWN_MINUTE.format(time);
    }
}
