package cn.streetgov.assessment.process;

import cn.streetgov.casework.CaseMessages;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.assessment.domain.AssessmentProperties;
import cn.streetgov.casework.OutcomeLabels;
import cn.streetgov.casework.TaskDecisions;
import cn.streetgov.assessment.domain.Grade;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Process {@code agency-assessment-case} (one agency's assessment by its street/town, called by the
 * campaign): key, element ids, variable names, messages, the decisions of its tasks and the helpers
 * its expressions call ({@code ${assessmentCaseProcess.…}}).
 */
@Component(AssessmentCaseProcess.BEAN)
public class AssessmentCaseProcess implements TaskDecisions, OutcomeLabels {

    public static final String KEY = "agency-assessment-case";
    public static final String BEAN = "assessmentCaseProcess";
    public static final String DECISION_GRADE = "assessment-grade";
    public static final String MESSAGE_OBJECTION = "assessment-objection";
    /** The BPMN message element of {@link #MESSAGE_OBJECTION}. */
    public static final String MESSAGE_OBJECTION_ELEMENT = "Message_AssessmentObjection";
    /** The message that starts the appointment workflow's street suggestion (declared once, in the kernel). */
    public static final String MESSAGE_STREET_SUGGESTION = CaseMessages.STREET_SUGGESTION;

    /** Element ids of processes/agency-assessment-case.bpmn. */
    public static final class Elements {
        public static final String START = "startEvent_assessmentOpened";
        public static final String ATTACH_FIGURES = "serviceTask_attachObjectiveFigures";
        public static final String SELF_EVALUATE = "userTask_selfEvaluate";
        public static final String SELF_DEADLINE = "boundaryEvent_selfEvaluationDeadline";
        public static final String SELF_MISSED = "serviceTask_recordSelfEvaluationMissed";
        public static final String SCORING_GATEWAY = "gateway_joinScoring";
        public static final String SCORE = "userTask_scoreIndicators";
        public static final String PROPOSE_GRADE = "businessRuleTask_proposeGrade";
        public static final String RECORD_PROPOSAL = "serviceTask_recordProposal";
        public static final String COMMITTEE = "userTask_committeeReview";
        public static final String START_PUBLICITY = "serviceTask_startPublicity";
        public static final String PUBLICITY_GATEWAY = "gateway_publicity";
        public static final String PUBLICITY_ENDED = "timerEvent_publicityEnded";
        public static final String OBJECTION = "messageEvent_objection";
        public static final String RECORD_OBJECTION = "serviceTask_recordObjection";
        public static final String REVIEW_OBJECTION = "userTask_reviewObjection";
        public static final String REPUBLISH = "serviceTask_publishReview";
        public static final String REVIEW_PUBLICITY_GATEWAY = "gateway_reviewPublicity";
        public static final String REVIEW_PUBLICITY_ENDED = "timerEvent_reviewPublicityEnded";
        public static final String STILL_OBJECTS = "messageEvent_stillObjects";
        public static final String RECORD_SECOND_OBJECTION = "serviceTask_recordSecondObjection";
        public static final String ARBITRATE = "userTask_arbitrate";
        public static final String FINAL_GATEWAY = "gateway_joinFinal";
        public static final String FINALISE = "serviceTask_finaliseResult";
        public static final String FAILED_GATEWAY = "gateway_failed";
        public static final String DECIDE_SUGGESTION = "userTask_decideSuggestion";
        public static final String SUGGESTION_GATEWAY = "gateway_useSuggestion";
        public static final String SEND_SUGGESTION = "serviceTask_sendStreetSuggestion";
        public static final String SUGGESTION_SENT = "endEvent_suggestionSent";
        public static final String NO_SUGGESTION = "endEvent_noSuggestion";
        public static final String FINAL = "endEvent_final";

        private Elements() {
        }
    }

    /** Variable names (CONTRACT.md plus the ones the process sets). */
    public static final class Vars {
        // given by the campaign
        public static final String CAMPAIGN_ID = "campaignId";
        public static final String PERIOD = "period";
        public static final String AGENCY_CODE = "agencyCode";
        // set at start
        public static final String CASE_ID = "caseId";
        public static final String CASE_NO = "caseNo";
        public static final String ORG_CODE = "orgCode";
        public static final String DEPT_CODE = "deptCode";
        public static final String AGENCY_NAME = "agencyName";
        public static final String ORG_NAME = "orgName";
        public static final String DEPT_NAME = "deptName";
        // objective figures (shown on the forms)
        public static final String OBJ_SUMMONED = "objSummoned";
        public static final String OBJ_ON_TIME = "objOnTime";
        public static final String OBJ_ON_TIME_RATE = "objOnTimeRate";
        public static final String OBJ_AVG_REPORT_MINUTES = "objAvgReportMinutes";
        public static final String OBJ_AVG_SATISFACTION = "objAvgSatisfaction";
        public static final String PREFILLED_COMMAND = "prefilledCommand";
        public static final String SELF_EVALUATION_DUE = "selfEvaluationDue";
        public static final String SELF_EVALUATION_DUE_TEXT = "selfEvaluationDueText";
        public static final String SELF_STATUS = "selfStatus";
        // self-evaluation
        public static final String SELF_SCORE = "selfScore";
        public static final String SELF_REPORT = "selfReport";
        // street office
        public static final String SCORE_COMMAND = "scoreCommand";
        public static final String SCORE_DUTY = "scoreDuty";
        public static final String SCORE_STYLE = "scoreStyle";
        public static final String SCORE_COOPERATION = "scoreCooperation";
        public static final String SCORE_SATISFACTION = "scoreSatisfaction";
        public static final String VETO_ITEM = "vetoItem";
        public static final String VETO_REASON = "vetoReason";
        public static final String SCORE_CHANGE_REASON = "scoreChangeReason";
        // DMN proposal and the committee
        public static final String PROPOSED_SCORE = "proposedScore";
        public static final String PROPOSED_GRADE = "proposedGrade";
        public static final String PROPOSED_GRADE_LABEL = "proposedGradeLabel";
        public static final String COMMITTEE_DECISION = "committeeDecision";
        public static final String ADJUSTED_SCORE = "adjustedScore";
        public static final String ADJUST_REASON = "adjustReason";
        // result
        public static final String TOTAL_SCORE = "totalScore";
        public static final String GRADE = "grade";
        public static final String GRADE_LABEL = "gradeLabel";
        public static final String PUBLICITY_UNTIL = "publicityUntil";
        public static final String PUBLICITY_UNTIL_TEXT = "publicityUntilText";
        // objection, re-review, arbitration
        public static final String OBJECTION_REASON = "objectionReason";
        public static final String OBJECTED_BY = "objectedBy";
        public static final String REVIEW_DECISION = "reviewDecision";
        public static final String REVIEWED_SCORE = "reviewedScore";
        public static final String REVIEW_COMMENT = "reviewComment";
        public static final String ARBITRATION_DECISION = "arbitrationDecision";
        public static final String ARBITRATED_SCORE = "arbitratedScore";
        public static final String ARBITRATION_COMMENT = "arbitrationComment";
        // after a FAIL
        public static final String USE_SUGGESTION = "useSuggestion";
        public static final String SUGGESTION_ACTION = "suggestionAction";
        public static final String SUGGESTION_REASON = "suggestionReason";

        private Vars() {
        }
    }

    /**
     * Variables the message {@link #MESSAGE_STREET_SUGGESTION} carries (CONTRACT.md: {@code agencyCode},
     * {@code action}, {@code reason}; the others for context), as the receiving process reads them.
     */
    public static final class SuggestionMessage {
        public static final String AGENCY_CODE = "agencyCode";
        public static final String DEPT_CODE = "deptCode";
        public static final String ORG_CODE = "orgCode";
        public static final String ACTION = "action";
        public static final String REASON = "reason";
        public static final String ASSESSMENT_CASE_NO = "assessmentCaseNo";

        private SuggestionMessage() {
        }
    }

    private final AssessmentProperties properties;

    AssessmentCaseProcess(AssessmentProperties properties) {
        this.properties = properties;
    }

    /** Recorded decisions of the tasks without a decision variable. */
    public static final String SUBMITTED = "SUBMITTED";
    public static final String SCORED = "SCORED";

    @Override
    public String processKey() {
        return KEY;
    }

    /** A final assessment's result is its grade (the index takes it from the case's record). */
    @Override
    public Map<String, String> outcomeLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Grade grade : Grade.values()) {
            labels.put(grade.name(), "考核等次：" + grade.label());
        }
        return labels;
    }

    @Override
    public Map<String, TaskDecision> byTask() {
        Map<String, TaskDecision> tasks = new LinkedHashMap<>();
        tasks.put(Elements.SELF_EVALUATE, TaskDecision.of(null, Vars.SELF_REPORT, Vars.SELF_SCORE)
                .recordedAs(SUBMITTED).reasonRequired("自评报告"));
        tasks.put(Elements.SCORE, TaskDecision.of(null, Vars.SCORE_CHANGE_REASON, Vars.SCORE_COMMAND,
                Vars.SCORE_DUTY, Vars.SCORE_STYLE, Vars.SCORE_COOPERATION, Vars.SCORE_SATISFACTION, Vars.VETO_ITEM,
                Vars.VETO_REASON).recordedAs(SCORED));
        tasks.put(Elements.COMMITTEE, TaskDecision.of(Vars.COMMITTEE_DECISION, Vars.ADJUST_REASON, Vars.ADJUSTED_SCORE)
                .choice("审定意见", "CONFIRM", "确认", "ADJUST", "调整")
                .reasonUnless("调整理由", "CONFIRM")
                .withContext(Vars.TOTAL_SCORE, Vars.GRADE));
        tasks.put(Elements.REVIEW_OBJECTION, TaskDecision.of(Vars.REVIEW_DECISION, Vars.REVIEW_COMMENT,
                Vars.REVIEWED_SCORE)
                .choice("复核意见", "UPHOLD", "异议成立", "REJECT", "异议不成立")
                .rejecting("REJECT")
                .reasonRequired("复核意见")
                .withContext(Vars.TOTAL_SCORE, Vars.GRADE));
        tasks.put(Elements.ARBITRATE, TaskDecision.of(Vars.ARBITRATION_DECISION, Vars.ARBITRATION_COMMENT,
                Vars.ARBITRATED_SCORE)
                .choice("裁决结果", "KEEP", "维持", "CHANGE", "变更")
                .reasonRequired("裁决意见")
                .withContext(Vars.TOTAL_SCORE, Vars.GRADE));
        tasks.put(Elements.DECIDE_SUGGESTION, TaskDecision.of(Vars.USE_SUGGESTION, Vars.SUGGESTION_REASON,
                Vars.SUGGESTION_ACTION)
                .choice("是否行使人事任免建议权", "true", "提出建议", "false", "不提出建议")
                .reasonUnless("建议理由", "false"));
        return tasks;
    }

    // ---- due dates, called from expressions in agency-assessment-case.bpmn ----

    public Date scoringDue() {
        return daysFromNow(properties.scoringDays());
    }

    public Date committeeDue() {
        return daysFromNow(properties.committeeDays());
    }

    public Date arbitrationDue() {
        return daysFromNow(properties.arbitrationDays());
    }

    static Date daysFromNow(int days) {
        return CaseClock.inDays(days);
    }

    // ---- reading submitted variables ----

    static String string(Object value) {
        return value == null ? null : value.toString();
    }

    /** An integer as forms submit it (Long, Integer, Double without fraction, or text); null if absent or not one. */
    static Integer integer(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue() == Math.rint(n.doubleValue()) ? n.intValue() : null;
        }
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A boolean as forms submit it (Boolean or "true"/"false"); null if absent. */
    static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = string(value);
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return Boolean.valueOf(text);
        }
        return null;
    }
}
