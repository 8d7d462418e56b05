package cn.streetgov.appointment.process;

import cn.streetgov.casework.CaseMessages;
import cn.streetgov.casework.OutcomeLabels;
import cn.streetgov.casework.TaskDecisions;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.casework.ProcessStarters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The process {@code street-suggestion} (processes/street-suggestion.bpmn): a street committee's
 * suggestion (建议权) on the head of an agency in its area, answered by the department; or its proposal
 * of the holder of one of its own posts (福田: the street proposes, the competent department
 * consents, the organisation department approves — mode {@code STREET_PROPOSAL} of
 * {@code consultation-mode.dmn}). Started from
 * Tasklist (none start event) or by the message {@code street-suggestion} (e.g. from the assessment
 * workflow); both need CREATE_INSTANCE on this definition, granted to every street committee.
 */
@Component
public class SuggestionProcess implements TaskDecisions, ProcessStarters, OutcomeLabels {

    public static final String KEY = "street-suggestion";
    public static final String MESSAGE = CaseMessages.STREET_SUGGESTION;

    public static final String START_TASKLIST = "startEvent_suggestionEntered";
    public static final String START_MESSAGE = "startEvent_suggestionReceived";
    public static final String ANSWER = "userTask_answerSuggestion";
    public static final String ANSWER_OVERDUE = "boundaryEvent_answerOverdue";
    public static final String NOTIFY_OVERDUE = "serviceTask_notifyAnswerOverdue";
    public static final String START_CONSULTATION = "serviceTask_startConsultation";
    public static final String INFORM_DECLINE = "serviceTask_informStreetOfDecline";
    public static final String READ_DECLINE = "userTask_readDeclineReasons";
    public static final String END_ACCEPTED = "endEvent_suggestionAccepted";
    public static final String END_DECLINED = "endEvent_suggestionDeclined";
    public static final String END_OVERDUE_NOTIFIED = "endEvent_overdueNotified";
    public static final String GATEWAY_DECISION = "gateway_suggestionDecision";
    public static final String GATEWAY_KIND = "gateway_suggestionKind";
    public static final String DETERMINE_POST_PATH = "businessRuleTask_determinePostPath";
    public static final String DEPT_CONSENT = "userTask_deptConsent";
    public static final String GATEWAY_DEPT_CONSENT = "gateway_deptConsent";
    public static final String APPROVE_NOMINATION = "userTask_approveNomination";
    public static final String GATEWAY_NOMINATION_APPROVAL = "gateway_nominationApproval";
    public static final String APPOINT_STREET_POST = "serviceTask_appointStreetPost";
    public static final String GATEWAY_JOIN_DECLINE = "gateway_joinDecline";
    public static final String END_POST_APPOINTED = "endEvent_postAppointed";
    /** The rules deciding the path of a street post (shared with cadre-consultation). */
    public static final String DECISION_KEY = ConsultationProcess.DECISION_KEY;
    /** The only mode of consultation-mode.dmn this process runs for a street's own post. */
    public static final String MODE_STREET_PROPOSAL = "STREET_PROPOSAL";
    /** The BPMN message element of {@link #MESSAGE}. */
    public static final String MESSAGE_ELEMENT = "Message_StreetSuggestion";

    // message / start variables (CONTRACT.md)
    public static final String AGENCY_CODE = "agencyCode";
    public static final String ACTION = "action";
    public static final String REASON = "reason";
    /** AGENCY_HEAD (default) or one of the street's own posts (StreetPost); for those also orgCode, deptCode, candidateName. */
    public static final String POST_TYPE = "postType";
    // set by the process
    public static final String SUGGESTION_ID = "suggestionId";
    public static final String ORG_CODE = "orgCode";
    public static final String DEPT_CODE = "deptCode";
    public static final String ANSWER_DEADLINE = "answerDeadline";
    public static final String SUGGESTION_SUMMARY = "suggestionSummary";
    public static final String CASE_NO = "caseNo";
    public static final String OUTCOME = "outcome";
    public static final String RULE_RESULT = "consultationRule";
    public static final String CONSULTATION_MODE = "consultationMode";
    public static final String FINAL_AUTHORITY = "finalAuthority";
    public static final String REPLY_DAYS = "replyDays";
    // the department's answer
    public static final String DECISION = "suggestionDecision";
    public static final String COMMENT = "suggestionComment";
    public static final String CANDIDATE_NAME = "candidateName";
    public static final String POSITION_TITLE = "positionTitle";
    public static final String POSITION_LEVEL = "positionLevel";

    // the competent department's consent and the organisation department's approval of a street's candidate
    public static final String CONSENT_DECISION = "deptConsent";
    public static final String CONSENT_COMMENT = "deptConsentComment";
    public static final String APPROVAL_DECISION = "orgDeptDecision";
    public static final String APPROVAL_COMMENT = "orgDeptComment";
    public static final String CONSENT = "CONSENT";
    public static final String REFUSE = "REFUSE";
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    public static final String ACCEPT = "ACCEPT";
    public static final String DECLINE = "DECLINE";
    /** What the record says of the street's reading of the reasons (a task without a decision). */
    public static final String READ = "READ";
    // outcomes
    public static final String ACCEPTED = "ACCEPTED";
    public static final String DECLINED = "DECLINED";
    public static final String APPOINTED = "APPOINTED";
    public static final String NOT_APPROVED = "NOT_APPROVED";

    private final OrgDirectory directory;

    SuggestionProcess(OrgDirectory directory) {
        this.directory = directory;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    @Override
    public Map<String, String> outcomeLabels() {
        return Map.of(ACCEPTED, "建议已采纳", DECLINED, "建议未采纳", APPOINTED, "人选已批复", NOT_APPROVED, "人选未获同意");
    }

    /**
     * The department's answer (a decline needs reasons, which the street reads) and the street's
     * reading of them. The kernel's decision listener checks and records it;
     * {@link SuggestionDecisionHook} does the rest.
     */
    @Override
    public Map<String, TaskDecision> byTask() {
        Map<String, TaskDecision> byTask = new LinkedHashMap<>();
        byTask.put(ANSWER, TaskDecision.of(DECISION, COMMENT, CANDIDATE_NAME, POSITION_TITLE, POSITION_LEVEL)
                .choice("答复", ACCEPT, "采纳，发起任免征求意见", DECLINE, "不予采纳")
                .reasonUnless("不予采纳的理由（街道可见）", ACCEPT)
                .rejecting(DECLINE));
        byTask.put(DEPT_CONSENT, TaskDecision.of(CONSENT_DECISION, CONSENT_COMMENT)
                .choice("业务主管部门意见", CONSENT, "同意该人选", REFUSE, "不同意")
                .reasonUnless("不同意的理由（街道可见）", CONSENT)
                .rejecting(REFUSE));
        byTask.put(APPROVE_NOMINATION, TaskDecision.of(APPROVAL_DECISION, APPROVAL_COMMENT)
                .choice("区委组织部批复", APPROVE, "批准", REJECT, "不予批准")
                .reasonUnless("不予批准的理由（街道可见）", APPROVE)
                .rejecting(REJECT));
        // no decision variable: the choice only gives the recorded value its Chinese label
        byTask.put(READ_DECLINE, TaskDecision.of(null, null).choice("查阅", READ, "已查阅").recordedAs(READ));
        return byTask;
    }

    /**
     * Every street/town committee may suggest, for agencies in its own area and for its own posts only
     * (checked at the start).
     */
    @Override
    public Set<String> starterGroups() {
        return directory.groupsOf(PostRole.STREET_COMMITTEE);
    }

    @Override
    public Set<String> startVariables() {
        return Set.of(POST_TYPE, AGENCY_CODE, ORG_CODE, DEPT_CODE, ACTION, CANDIDATE_NAME, REASON);
    }
}
