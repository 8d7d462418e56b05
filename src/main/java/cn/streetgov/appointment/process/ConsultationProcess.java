package cn.streetgov.appointment.process;

import cn.streetgov.appointment.domain.ConsultationCase.Status;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.OpinionDeadlines;
import cn.streetgov.casework.OutcomeLabels;
import cn.streetgov.casework.TaskDecisions;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.casework.ProcessStarters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The process {@code cadre-consultation} (processes/cadre-consultation.bpmn): its key, element ids,
 * variables and decisions, and who may start it (every department for its own agencies).
 */
@Component
public class ConsultationProcess implements TaskDecisions, ProcessStarters, OutcomeLabels {

    public static final String KEY = "cadre-consultation";
    public static final String DECISION_KEY = "consultation-mode";

    // element ids
    public static final String START = "startEvent_consultationProposed";
    public static final String DETERMINE_MODE = "businessRuleTask_determineMode";
    public static final String STREET_OPINION = "userTask_streetOpinion";
    public static final String REPLY_REMINDER = "boundaryEvent_replyReminder";
    public static final String SEND_REMINDER = "serviceTask_sendReminder";
    public static final String REPLY_DEADLINE = "boundaryEvent_replyDeadline";
    public static final String HANDLE_NO_REPLY = "userTask_handleNoReply";
    public static final String COORDINATE = "userTask_coordinate";
    public static final String RESPOND_TO_OPINION = "userTask_respondToOpinion";
    public static final String DEPT_DECISION = "userTask_deptDecision";
    public static final String COMMITTEE_DECISION = "userTask_committeeDecision";
    public static final String ORG_DEPT_APPROVAL = "userTask_orgDeptApproval";
    public static final String APPLY_APPOINTMENT = "serviceTask_applyAppointment";
    public static final String INFORM_STREET = "serviceTask_informStreet";
    public static final String END_APPROVED = "endEvent_approved";
    public static final String END_UPHELD_STREET = "endEvent_rejectedByStreet";
    public static final String END_OPINION_ADOPTED = "endEvent_opinionAdopted";
    public static final String END_WITHDRAWN = "endEvent_withdrawn";
    public static final String END_COMMITTEE_REJECTED = "endEvent_rejectedByCommittee";
    public static final String END_ORG_DEPT_REJECTED = "endEvent_rejectedByOrgDept";
    public static final String END_REMINDER_SENT = "endEvent_reminderSent";
    public static final String GATEWAY_FINAL_AUTHORITY = "gateway_finalAuthority";
    public static final String GATEWAY_STREET_OPINION = "gateway_streetOpinion";
    public static final String GATEWAY_NO_REPLY_DECISION = "gateway_noReplyDecision";
    public static final String GATEWAY_COORDINATION_DECISION = "gateway_coordinationDecision";
    public static final String GATEWAY_RESPONSE_DECISION = "gateway_responseDecision";
    public static final String GATEWAY_JOIN_DEPT_DECISION = "gateway_joinDeptDecision";
    public static final String GATEWAY_DEPT_DECISION = "gateway_deptDecision";
    public static final String GATEWAY_COMMITTEE_DECISION = "gateway_committeeDecision";
    public static final String GATEWAY_ORG_DEPT_DECISION = "gateway_orgDeptDecision";
    public static final String GATEWAY_JOIN_APPROVED = "gateway_joinApproved";

    // start variables (CONTRACT.md)
    public static final String DEPT_CODE = "deptCode";
    public static final String AGENCY_CODE = "agencyCode";
    public static final String ACTION = "action";
    public static final String CANDIDATE_NAME = "candidateName";
    public static final String POSITION_TITLE = "positionTitle";
    public static final String POSITION_LEVEL = "positionLevel";
    public static final String REASON = "reason";
    public static final String DOSSIER_REF = "dossierRef";
    public static final String SUGGESTION_NO = "suggestionNo";
    // variables set by the process
    public static final String CASE_ID = "caseId";
    public static final String ORG_CODE = "orgCode";
    public static final String RULE_RESULT = "consultationRule";
    public static final String CONSULTATION_MODE = "consultationMode";
    public static final String FINAL_AUTHORITY = "finalAuthority";
    public static final String REPLY_DAYS = "replyDays";
    public static final String REPLY_DEADLINE_DATE = OpinionDeadlines.REPLY_DEADLINE;
    public static final String REMINDER_DATE = OpinionDeadlines.REMINDER_DATE;
    public static final String CASE_SUMMARY = "caseSummary";
    public static final String OPINION_HISTORY = "opinionHistory";
    public static final String OUTCOME = "outcome";
    // decisions (CONTRACT.md, plus the no-reply and organisation department approval steps)
    public static final String STREET_OPINION_VAR = "streetOpinion";
    public static final String OPINION_COMMENT = "opinionComment";
    public static final String MEETING_DATE = "meetingDate";
    public static final String NO_REPLY_DECISION = "noReplyDecision";
    public static final String NO_REPLY_COMMENT = "noReplyComment";
    public static final String COORDINATION_DECISION = "coordinationDecision";
    public static final String COORDINATION_COMMENT = "coordinationComment";
    public static final String RESPONSE_DECISION = "responseDecision";
    public static final String RESPONSE_COMMENT = "responseComment";
    public static final String DEPT_DECISION_VAR = "deptDecision";
    public static final String DEPT_COMMENT = "deptComment";
    public static final String COMMITTEE_DECISION_VAR = "committeeDecision";
    public static final String COMMITTEE_COMMENT = "committeeComment";
    public static final String COMMITTEE_MEETING_DATE = "committeeMeetingDate";
    public static final String ORG_DEPT_DECISION = "orgDeptDecision";
    public static final String ORG_DEPT_COMMENT = "orgDeptComment";
    /** The details that are the date of the meeting a decision was taken at (not after today). */
    static final Set<String> MEETING_DATES = Set.of(MEETING_DATE, COMMITTEE_MEETING_DATE);

    // values
    public static final String AGREE = "AGREE";
    public static final String AGREE_WITH_COMMENTS = "AGREE_WITH_COMMENTS";
    public static final String DISAGREE = "DISAGREE";
    public static final String CHASE = "CHASE";
    public static final String RECORD_NO_REPLY = "RECORD_NO_REPLY";
    public static final String UPHOLD_STREET = "UPHOLD_STREET";
    public static final String OVERRIDE = "OVERRIDE";
    public static final String ADOPT = "ADOPT";
    public static final String PROCEED = "PROCEED";
    public static final String APPROVE = "APPROVE";
    public static final String WITHDRAW = "WITHDRAW";
    public static final String REJECT = "REJECT";
    public static final String MODE_CONSENT = "CONSENT";
    public static final String MODE_OPINION = "OPINION";

    private final OrgDirectory directory;

    ConsultationProcess(OrgDirectory directory) {
        this.directory = directory;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    /** {@code outcome}, set at each end event by {@code CloseConsultationListener}. */
    @Override
    public Map<String, String> outcomeLabels() {
        return Map.of(Status.APPROVED.name(), "任免已批准", Status.REJECTED.name(), "任免未获批准",
                Status.WITHDRAWN.name(), "部门已撤回");
    }

    /**
     * What each user task decides, with the Chinese labels of the values (as the forms offer them),
     * which values need no reason, and the meeting date the street committee must give. The
     * kernel's decision listener checks and records it; {@link ConsultationDecisionHook} does the rest.
     */
    @Override
    public Map<String, TaskDecision> byTask() {
        Map<String, TaskDecision> byTask = new LinkedHashMap<>();
        byTask.put(STREET_OPINION, TaskDecision.of(STREET_OPINION_VAR, OPINION_COMMENT, MEETING_DATE)
                .choice("街道党(工)委意见", AGREE, "同意", AGREE_WITH_COMMENTS, "同意，并提出意见", DISAGREE, "不同意")
                .reasonUnless("意见说明（除“同意”外须填写）", AGREE)
                .requires(MEETING_DATE, "会议日期")
                .rejecting(DISAGREE));
        byTask.put(HANDLE_NO_REPLY, TaskDecision.of(NO_REPLY_DECISION, NO_REPLY_COMMENT)
                .choice("逾期未答复的处理", CHASE, "督办，延长答复期限", RECORD_NO_REPLY, "记录街道未答复，继续办理"));
        byTask.put(COORDINATE, TaskDecision.of(COORDINATION_DECISION, COORDINATION_COMMENT)
                .choice("协调结果", UPHOLD_STREET, "维持街道意见（不予任免）", OVERRIDE, "不采纳街道意见，继续办理")
                .reasonUnless("不采纳街道意见的书面理由", UPHOLD_STREET)
                .rejecting(UPHOLD_STREET));
        byTask.put(RESPOND_TO_OPINION, TaskDecision.of(RESPONSE_DECISION, RESPONSE_COMMENT)
                .choice("对街道意见的回复", ADOPT, "采纳街道意见（撤回本次任免）", PROCEED, "说明理由后继续办理")
                .reasonRequired("对街道意见的书面答复"));
        byTask.put(DEPT_DECISION, TaskDecision.of(DEPT_DECISION_VAR, DEPT_COMMENT)
                .choice("部门决定", APPROVE, "同意任免", WITHDRAW, "撤回")
                .rejecting(WITHDRAW));
        byTask.put(COMMITTEE_DECISION, TaskDecision.of(COMMITTEE_DECISION_VAR, COMMITTEE_COMMENT, COMMITTEE_MEETING_DATE)
                .choice("区委常委会决定", APPROVE, "同意", REJECT, "不同意")
                .rejecting(REJECT));
        byTask.put(ORG_DEPT_APPROVAL, TaskDecision.of(ORG_DEPT_DECISION, ORG_DEPT_COMMENT)
                .choice("组织部审批结果", APPROVE, "批准", REJECT, "不予批准")
                .reasonUnless("不予批准的理由", APPROVE)
                .rejecting(REJECT));
        return byTask;
    }

    /** Every department may propose, for its own agencies only (checked at the start). */
    @Override
    public Set<String> starterGroups() {
        return directory.groupsOf(PostRole.DEPARTMENT);
    }

    @Override
    public Set<String> startVariables() {
        return Set.of(DEPT_CODE, AGENCY_CODE, ACTION, CANDIDATE_NAME, POSITION_TITLE, POSITION_LEVEL, REASON,
                DOSSIER_REF);
    }

    /** An ISO date string ({@code yyyy-MM-dd}, also the date part of a date-time) or a {@code Date}. */
    static LocalDate parseDate(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return CaseClock.toLocalDate(date);
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        String s = value.toString().trim();
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(label + "格式无效，应为 yyyy-MM-dd: " + s);
        }
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().trim();
        return s.isEmpty() ? null : s;
    }
}
