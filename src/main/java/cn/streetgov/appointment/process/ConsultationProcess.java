package cn.streetgov.appointment.process;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.appointment.domain.CaseOpinion.Step;
import cn.streetgov.casework.TaskDecisions;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.casework.ProcessStarters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The process {@code cadre-consultation} (processes/cadre-consultation.bpmn): its key, element ids,
 * variables and decisions, and who may start it (every department for its own agencies).
 */
@Component
public class ConsultationProcess implements TaskDecisions, ProcessStarters {

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
    public static final String REPLY_DEADLINE_DATE = "replyDeadline";
    public static final String REMINDER_DATE = "reminderDate";
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

    // values
    public static final String AGREE = "AGREE";
    public static final String CHASE = "CHASE";
    public static final String MODE_CONSENT = "CONSENT";
    public static final String MODE_OPINION = "OPINION";

    /** What each user task decides, how it is checked and where it is recorded. */
    record TaskSpec(Step step, String decisionVar, Set<String> allowed, String commentVar,
            Set<String> commentOptionalFor, String commentLabel, String meetingDateVar, boolean meetingRequired) {
    }

    static final Map<String, TaskSpec> TASKS = new LinkedHashMap<>();

    static {
        TASKS.put(STREET_OPINION, new TaskSpec(Step.STREET_OPINION, STREET_OPINION_VAR,
                Set.of("AGREE", "AGREE_WITH_COMMENTS", "DISAGREE"), OPINION_COMMENT, Set.of(AGREE),
                "除“同意”外须填写意见", MEETING_DATE, true));
        TASKS.put(HANDLE_NO_REPLY, new TaskSpec(Step.NO_REPLY, NO_REPLY_DECISION,
                Set.of(CHASE, "RECORD_NO_REPLY"), NO_REPLY_COMMENT, Set.of(CHASE, "RECORD_NO_REPLY"), "", null, false));
        TASKS.put(COORDINATE, new TaskSpec(Step.COORDINATION, COORDINATION_DECISION,
                Set.of("UPHOLD_STREET", "OVERRIDE"), COORDINATION_COMMENT, Set.of("UPHOLD_STREET"),
                "不采纳街道意见须书面说明理由", null, false));
        TASKS.put(RESPOND_TO_OPINION, new TaskSpec(Step.DEPT_RESPONSE, RESPONSE_DECISION,
                Set.of("ADOPT", "PROCEED"), RESPONSE_COMMENT, Set.of(), "须对街道意见作出书面答复", null, false));
        TASKS.put(DEPT_DECISION, new TaskSpec(Step.DEPT_DECISION, DEPT_DECISION_VAR,
                Set.of("APPROVE", "WITHDRAW"), DEPT_COMMENT, Set.of("APPROVE", "WITHDRAW"), "", null, false));
        TASKS.put(COMMITTEE_DECISION, new TaskSpec(Step.COMMITTEE_DECISION, COMMITTEE_DECISION_VAR,
                Set.of("APPROVE", "REJECT"), COMMITTEE_COMMENT, Set.of("APPROVE", "REJECT"), "",
                COMMITTEE_MEETING_DATE, false));
        TASKS.put(ORG_DEPT_APPROVAL, new TaskSpec(Step.ORG_DEPT_APPROVAL, ORG_DEPT_DECISION,
                Set.of("APPROVE", "REJECT"), ORG_DEPT_COMMENT, Set.of("APPROVE"), "不予批准须说明理由", null, false));
    }

    private final OrgDirectory directory;

    ConsultationProcess(OrgDirectory directory) {
        this.directory = directory;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    @Override
    public Map<String, TaskDecision> byTask() {
        Map<String, TaskDecision> byTask = new LinkedHashMap<>();
        TASKS.forEach((task, spec) -> byTask.put(task, spec.meetingDateVar() == null
                ? TaskDecision.of(spec.decisionVar(), spec.commentVar())
                : TaskDecision.of(spec.decisionVar(), spec.commentVar(), spec.meetingDateVar())));
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

    static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
