package cn.streetgov.appointment.api;

import cn.streetgov.appointment.domain.CadreAction;
import cn.streetgov.appointment.domain.ConsultationCase;
import cn.streetgov.appointment.domain.ConsultationService;
import cn.streetgov.appointment.domain.Suggestion;
import cn.streetgov.appointment.domain.SuggestionService;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.security.CurrentUser;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only views of the appointment workflow: one case with every opinion and decision (for the
 * proposing department, the host street, the district bodies and auditors), and a street's
 * suggestions with the departments' answers (for that street's committee).
 */
@RestController
@RequestMapping("/api/appointment")
class AppointmentController {

    private static final String[] DISTRICT = {
        PostRole.ORG_DEPT.groupId(null), PostRole.STANDING_COMMITTEE.groupId(null), CurrentUser.AUDITOR};

    private final ConsultationService consultations;
    private final SuggestionService suggestions;

    AppointmentController(ConsultationService consultations, SuggestionService suggestions) {
        this.consultations = consultations;
        this.suggestions = suggestions;
    }

    /**
     * One opinion or decision (the kernel's record), with the field names the view always had:
     * {@code step} is the task's id, {@code decidedAt} the district's local time.
     */
    record OpinionView(String step, String stepName, String decision, String decisionLabel, String comment,
            String actorUser, String actorOrg, LocalDate meetingDate, LocalDateTime decidedAt) {
    }

    record CaseView(String caseNo, String processInstanceId, String deptCode, String agencyCode, String orgCode,
            String action, String candidateName, String positionTitle, String positionLevel, String reason,
            String previousHeadName, String consultationMode, String finalAuthority, LocalDateTime replyDeadline,
            String suggestionNo, String status, String outcome, LocalDateTime createdAt, LocalDateTime closedAt,
            List<OpinionView> opinions) {
    }

    record SuggestionView(String suggestionNo, String postType, String postLabel, String agencyCode, String deptCode,
            String action, String candidateName, String reason, LocalDateTime createdAt, LocalDateTime answerDeadline,
            String status, String answerComment, LocalDateTime answeredAt, String caseNo, String consentComment,
            LocalDateTime consentedAt, LocalDateTime approvedAt) {
    }

    /** The approved holder of one of a street's own posts (福田: proposed by the street, approved by 组织部). */
    record StreetPostView(String orgCode, String postType, String postLabel, String holderName, String action,
            String actionLabel, String deptCode, String suggestionNo, LocalDateTime approvedAt) {
    }

    @GetMapping("/cases/{caseNo}")
    CaseView consultationCase(@PathVariable String caseNo, CurrentUser user) {
        ConsultationCase c = consultations.requireByCaseNo(caseNo);
        user.requireAnyGroup(concat(DISTRICT, PostRole.DEPARTMENT.groupId(c.getDeptCode()),
                PostRole.STREET_COMMITTEE.groupId(c.getOrgCode())));
        List<OpinionView> opinions = consultations.opinions(c.getId()).stream().map(AppointmentController::view).toList();
        return new CaseView(c.getCaseNo(), c.getProcessInstanceId(), c.getDeptCode(), c.getAgencyCode(), c.getOrgCode(),
                c.getAction().name(), c.getCandidateName(), c.getPositionTitle(), c.getPositionLevel().name(),
                c.getReason(), c.getPreviousHeadName(), c.getConsultationMode(), c.getFinalAuthority(),
                c.getReplyDeadline(), c.getSuggestionNo(), c.getStatus().name(), c.getOutcome(), c.getCreatedAt(),
                c.getClosedAt(), opinions);
    }

    @GetMapping("/suggestions")
    List<SuggestionView> suggestions(@RequestParam String org, CurrentUser user) {
        user.requireAnyGroup(concat(DISTRICT, PostRole.STREET_COMMITTEE.groupId(org)));
        return suggestions.ofOrg(org).stream().map(AppointmentController::view).toList();
    }

    /**
     * The street's own posts (纪工委书记、工会主席…) as the organisation department last approved them:
     * for the street's committee and office, the district bodies and auditors.
     */
    @GetMapping("/street-posts")
    List<StreetPostView> streetPosts(@RequestParam String org, CurrentUser user) {
        user.requireAnyGroup(concat(DISTRICT, PostRole.STREET_COMMITTEE.groupId(org), PostRole.STREET_OFFICE.groupId(org)));
        return suggestions.approvedNominations(org).stream()
                .map(s -> new StreetPostView(s.getOrgCode(), s.getPostType().name(), s.getPostType().label(),
                        s.getAction() == CadreAction.REMOVE ? null : s.getCandidateName(), s.getAction().name(),
                        s.getAction().label(), s.getDeptCode(), s.getSuggestionNo(), s.getApprovedAt()))
                .toList();
    }

    private static OpinionView view(CaseDecision d) {
        return new OpinionView(d.getTaskKey(), d.getStepName(), d.getDecision(), d.getDecisionLabel(), d.getComment(),
                d.getActorUser(), d.getActorGroup(), ConsultationService.meetingDate(d), CaseClock.toLocal(d.getDecidedAt()));
    }

    private static SuggestionView view(Suggestion s) {
        return new SuggestionView(s.getSuggestionNo(), s.getPostType().name(), s.getPostType().label(), s.getAgencyCode(),
                s.getDeptCode(), s.getAction().name(), s.getCandidateName(), s.getReason(), s.getCreatedAt(),
                s.getAnswerDeadline(), s.getStatus().name(), s.getAnswerComment(), s.getAnsweredAt(), s.getCaseNo(),
                s.getConsentComment(), s.getConsentedAt(), s.getApprovedAt());
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
