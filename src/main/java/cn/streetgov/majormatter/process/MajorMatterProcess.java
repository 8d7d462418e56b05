package cn.streetgov.majormatter.process;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.OpinionDeadlines;
import cn.streetgov.casework.OutcomeLabels;
import cn.streetgov.casework.ProcessStarters;
import cn.streetgov.casework.TaskDecisions;
import cn.streetgov.common.VariableLists;
import cn.streetgov.majormatter.domain.MajorMatter.Decision;
import cn.streetgov.majormatter.domain.MajorMatterOpinion;
import cn.streetgov.majormatter.domain.MajorMatterProperties;
import cn.streetgov.majormatter.domain.MajorMatterService;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.PostRole;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Process {@code major-matter-consultation} (规划参与权、重大事项建议权): a department or the district
 * government consults the affected streets/towns on a plan, a major project or a major decision.
 * Its key, element ids, variable names, who may start it, the decisions of its tasks, and the small
 * helpers its expressions call ({@code ${majorMatterProcess.…}}).
 */
@Component(MajorMatterProcess.BEAN)
public class MajorMatterProcess implements TaskDecisions, ProcessStarters, OutcomeLabels {

    public static final String KEY = "major-matter-consultation";
    public static final String BEAN = "majorMatterProcess";

    /** Element ids of processes/major-matter-consultation.bpmn. */
    public static final class Elements {
        public static final String START = "startEvent_matterSent";
        public static final String STREET_OPINIONS = "subProcess_streetOpinions";
        public static final String STREET_ASKED = "startEvent_streetAsked";
        public static final String GIVE_OPINION = "userTask_giveOpinion";
        public static final String OPINION_GIVEN = "endEvent_opinionGiven";
        public static final String OPINION_REMINDER = "boundaryEvent_opinionReminder";
        public static final String SEND_REMINDER = "serviceTask_sendOpinionReminder";
        public static final String REMINDER_SENT = "endEvent_reminderSent";
        public static final String OPINION_DEADLINE = "boundaryEvent_opinionDeadline";
        public static final String RECORD_OVERDUE = "serviceTask_recordOpinionOverdue";
        public static final String OPINION_OVERDUE = "endEvent_opinionOverdue";
        public static final String END_CONSULTATION = "serviceTask_endConsultation";
        public static final String OPINIONS_RECEIVED_GATEWAY = "gateway_opinionsReceived";
        public static final String ANSWER_OPINION = "userTask_answerOpinion";
        public static final String JOIN_DECISION = "gateway_joinDecision";
        public static final String DECIDE = "userTask_decideMatter";
        public static final String DECISION_GATEWAY = "gateway_matterDecision";
        public static final String PROCEEDED = "endEvent_proceeded";
        public static final String REVISED = "endEvent_revised";
        public static final String WITHDRAWN = "endEvent_withdrawn";

        private Elements() {
        }
    }

    /** Variable names. */
    public static final class Vars {
        // start
        public static final String SENDER_CODE = "senderCode";
        public static final String MATTER_TYPE = "matterType";
        public static final String TITLE = "title";
        public static final String SUMMARY = "summary";
        public static final String AFFECTED_ORG_CODES = "affectedOrgCodes";
        public static final String OPINION_DEADLINE = "opinionDeadline";
        public static final String DOCUMENT_REF = "documentRef";
        // set at start
        public static final String CASE_ID = "caseId";
        public static final String CASE_NO = "caseNo";
        public static final String SENDER_GROUP = "senderGroup";
        public static final String SENDER_NAME = "senderName";
        public static final String MATTER_TYPE_LABEL = "matterTypeLabel";
        public static final String AFFECTED_ORG_NAMES = "affectedOrgNames";
        public static final String OPINION_DEADLINE_TEXT = "opinionDeadlineText";
        /** The kernel's reply deadline and reminder ({@link OpinionDeadlines}). */
        public static final String REPLY_DEADLINE = OpinionDeadlines.REPLY_DEADLINE;
        public static final String REMINDER_DATE = OpinionDeadlines.REMINDER_DATE;
        /** Element variable of the street opinions and of the answers: the street/town. */
        public static final String ORG_CODE = "orgCode";
        public static final String ORG_NAME = "orgName";
        /** The street's opinion as the answer form shows it (read-only). */
        public static final String OPINION_SHOWN = "opinionShown";
        /** How many streets gave an opinion (set when the consultation ends). */
        public static final String OPINIONS_RECEIVED = "opinionsReceived";
        // decisions
        public static final String OPINION = "matterOpinion";
        public static final String OPINION_TEXT = "opinionText";
        public static final String MEETING_DATE = "meetingDate";
        public static final String ANSWER = "opinionAnswer";
        public static final String ANSWER_REASON = "answerReason";
        public static final String DECISION = "matterDecision";
        public static final String DECISION_NOTE = "decisionNote";
        // result
        public static final String OUTCOME = "outcome";

        private Vars() {
        }
    }

    /** Recorded decision of the engine's step at a missed deadline. */
    public static final String OVERDUE = "OVERDUE";

    private final OrgDirectory org;
    private final MajorMatterService matters;
    private final MajorMatterProperties properties;

    MajorMatterProcess(OrgDirectory org, MajorMatterService matters, MajorMatterProperties properties) {
        this.org = org;
        this.matters = matters;
        this.properties = properties;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    @Override
    public Map<String, String> outcomeLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Decision d : Decision.values()) {
            labels.put(d.name(), d.label());
        }
        return labels;
    }

    /** Every department (for itself) and the district government (checked at the start). */
    @Override
    public Set<String> starterGroups() {
        Set<String> groups = new TreeSet<>(org.groupsOf(PostRole.DEPARTMENT));
        groups.add(PostRole.DISTRICT_GOVERNMENT.groupId(null));
        return groups;
    }

    @Override
    public Set<String> startVariables() {
        return Set.of(Vars.SENDER_CODE, Vars.MATTER_TYPE, Vars.TITLE, Vars.SUMMARY, Vars.AFFECTED_ORG_CODES,
                Vars.OPINION_DEADLINE, Vars.DOCUMENT_REF);
    }

    @Override
    public Map<String, TaskDecision> byTask() {
        Map<String, TaskDecision> tasks = new LinkedHashMap<>();
        tasks.put(Elements.GIVE_OPINION, TaskDecision.of(Vars.OPINION, Vars.OPINION_TEXT, Vars.MEETING_DATE)
                .withContext(Vars.ORG_CODE)
                .choice("街道党(工)委意见", label(MajorMatterOpinion.Opinion.values()))
                .reasonUnless("意见和建议（除“赞成”外须填写）", MajorMatterOpinion.Opinion.SUPPORT.name())
                .requires(Vars.MEETING_DATE, "会议日期")
                .rejecting(MajorMatterOpinion.Opinion.OBJECT.name()));
        tasks.put(Elements.ANSWER_OPINION, TaskDecision.of(Vars.ANSWER, Vars.ANSWER_REASON)
                .withContext(Vars.ORG_CODE)
                .choice("对街道意见的答复", label(MajorMatterOpinion.Answer.values()))
                .reasonUnless("未采纳或部分采纳的理由", MajorMatterOpinion.Answer.ADOPTED.name())
                .rejecting(MajorMatterOpinion.Answer.NOT_ADOPTED.name()));
        tasks.put(Elements.DECIDE, TaskDecision.of(Vars.DECISION, Vars.DECISION_NOTE)
                .choice("征求意见后的决定", label(Decision.values()))
                .reasonUnless("修改或撤回的说明", Decision.PROCEED.name())
                .rejecting(Decision.WITHDRAW.name()));
        return tasks;
    }

    private static String[] label(Enum<?>[] values) {
        List<String> pairs = new ArrayList<>();
        for (Enum<?> value : values) {
            pairs.add(value.name());
            if (value instanceof MajorMatterOpinion.Opinion o) {
                pairs.add(o.label());
            } else if (value instanceof MajorMatterOpinion.Answer a) {
                pairs.add(a.label());
            } else {
                pairs.add(((Decision) value).label());
            }
        }
        return pairs.toArray(String[]::new);
    }

    // ---- called from expressions in major-matter-consultation.bpmn ----

    /** The collection of the street opinions: the affected streets/towns. */
    public List<String> affectedStreets(Long caseId) {
        return new ArrayList<>(matters.affectedStreets(caseId));
    }

    /** The collection of the answers: the streets/towns that gave an opinion. */
    public List<String> receivedOpinions(Long caseId) {
        return new ArrayList<>(matters.receivedOpinions(caseId));
    }

    /** Chinese name of a street/town, for the forms. */
    public String orgName(String orgCode) {
        return org.nameOf(orgCode).orElse(orgCode);
    }

    /** The street's opinion as the answer form shows it, e.g. 反对：…（会议日期 2026-12-01）. */
    public String opinionShown(Long caseId, String orgCode) {
        MajorMatterOpinion o = matters.opinion(caseId, orgCode);
        if (!o.isReceived()) {
            return "逾期未反馈";
        }
        return o.getOpinion().label() + (o.getOpinionText() == null ? "" : "：" + o.getOpinionText())
                + (o.getMeetingDate() == null ? "" : "（会议日期 " + o.getMeetingDate() + "）");
    }

    /** Due date of the sender's answer to one opinion (app.major-matter.answer-days). */
    public Date answerDue() {
        return CaseClock.inDays(properties.answerDays());
    }

    /** Due date of the sender's decision (app.major-matter.decision-days). */
    public Date decisionDue() {
        return CaseClock.inDays(properties.decisionDays());
    }

    // ---- variables ----

    /** A list variable as CONTRACT.md allows it (Json array, collection or comma-separated String). */
    static List<String> stringList(Object value) {
        return VariableLists.parse(value);
    }

    static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
