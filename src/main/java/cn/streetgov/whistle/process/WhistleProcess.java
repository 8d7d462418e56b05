package cn.streetgov.whistle.process;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.OutcomeLabels;
import cn.streetgov.casework.TaskDecisions;
import cn.streetgov.common.VariableLists;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.casework.ProcessStarters;
import cn.streetgov.whistle.domain.WhistleCaseService;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Process {@code whistle-dispatch} (街道吹哨、部门报到): its key, element ids, variable names, who
 * may start it, the decisions of its tasks, and the small helpers its expressions call
 * ({@code ${whistleProcess.…}}).
 */
@Component(WhistleProcess.BEAN)
public class WhistleProcess implements TaskDecisions, ProcessStarters, OutcomeLabels {

    public static final String KEY = "whistle-dispatch";
    public static final String BEAN = "whistleProcess";
    public static final String DECISION_SLA = "whistle-sla";
    public static final String DECISION_ROUTING = "whistle-routing";

    /** Element ids of processes/whistle-dispatch.bpmn. */
    public static final class Elements {
        public static final String START = "startEvent_whistleBlown";
        public static final String DISSUADE_FIRST_GATEWAY = "gateway_dissuadeFirst";
        public static final String DISSUADE = "userTask_dissuade";
        public static final String DISSUADED_GATEWAY = "gateway_dissuaded";
        public static final String STOPPED = "endEvent_stopped";
        public static final String JOIN_ROUTING = "gateway_joinRouting";
        public static final String ROUTE_CATEGORY = "businessRuleTask_routeCategory";
        public static final String SUMMON = "serviceTask_summonDepartments";
        public static final String DETERMINE_SLA = "businessRuleTask_determineSla";
        public static final String APPLY_SLA = "serviceTask_applyWhistleSla";
        public static final String DEPARTMENT_REPORTS = "subProcess_departmentReport";
        public static final String DEPARTMENT_SUMMONED = "startEvent_departmentSummoned";
        public static final String REPORT = "userTask_reportToStreet";
        public static final String REPORT_DEADLINE = "boundaryEvent_reportDeadline";
        public static final String ESCALATE = "serviceTask_escalateLateReport";
        public static final String ESCALATED = "endEvent_escalated";
        public static final String REPORTED = "endEvent_reported";
        public static final String JOIN_HANDLING = "gateway_joinHandling";
        public static final String HANDLE = "userTask_handleJointly";
        public static final String CONFIRM = "userTask_confirmResult";
        public static final String RESOLVED_GATEWAY = "gateway_resolved";
        public static final String FOLLOW_UP = "userTask_followUpVisit";
        public static final String REOPEN_GATEWAY = "gateway_reopen";
        public static final String REOPEN = "serviceTask_reopenWhistle";
        public static final String CLOSE = "serviceTask_closeWhistle";
        public static final String CLOSED = "endEvent_closed";

        private Elements() {
        }
    }

    /** Variable names (CONTRACT.md plus the ones the process sets). */
    public static final class Vars {
        // start
        public static final String ORG_CODE = "orgCode";
        public static final String SUMMARY = "summary";
        public static final String LOCATION = "location";
        public static final String URGENCY = "urgency";
        public static final String DEPT_CODES = "deptCodes";
        /** PATROL (default) | GRID | HOTLINE | RESIDENT; a HOTLINE whistle needs its {@link #HOTLINE_TICKET_NO}. */
        public static final String SOURCE = "source";
        public static final String HOTLINE_TICKET_NO = "hotlineTicketNo";
        /** WhistleCategory (default OTHER): routes the whistle by whistle-routing.dmn. */
        public static final String CATEGORY = "category";
        /** Why the street's {@link #DEPT_CODES} differ from the rule's (required then). */
        public static final String ROUTING_REASON = "routingReason";
        /** Whether the street dissuades first (劝导制止) and summons departments only if that fails. */
        public static final String STOP_FIRST = "stopFirst";
        /** The dissuasion's result (true: stopped, the case ends) and its note. */
        public static final String DISSUADED = "dissuaded";
        public static final String DISSUADE_NOTE = "dissuadeNote";
        /** The departments whistle-routing.dmn gives for the category (set by the process). */
        public static final String ROUTED_DEPT_CODES = "routedDeptCodes";
        // set at start and by the deadlines step
        public static final String CASE_ID = "caseId";
        public static final String CASE_NO = "caseNo";
        public static final String ORG_NAME = "orgName";
        public static final String URGENCY_LABEL = "urgencyLabel";
        public static final String DEPT_NAMES = "deptNames";
        public static final String REPORT_MINUTES = "reportMinutes";
        public static final String HANDLING_MINUTES = "handlingMinutes";
        public static final String REPORT_DEADLINE = "reportDeadline";
        public static final String HANDLING_DEADLINE = "handlingDeadline";
        public static final String REPORT_DEADLINE_TEXT = "reportDeadlineText";
        public static final String HANDLING_DEADLINE_TEXT = "handlingDeadlineText";
        /** Element variable of the multi-instance report sub-process: the summoned department. */
        public static final String DEPT_CODE = "deptCode";
        public static final String DEPT_NAME = "deptName";
        // decisions
        public static final String REPORT_NOTE = "reportNote";
        public static final String HANDLING_NOTE = "handlingNote";
        public static final String RESOLVED = "resolved";
        public static final String CONFIRM_COMMENT = "confirmComment";
        public static final String SATISFACTION = "satisfaction";
        public static final String FOLLOW_UP_COMMENT = "followUpComment";
        // result
        public static final String REOPEN_COUNT = "reopenCount";
        public static final String OUTCOME = "outcome";

        private Vars() {
        }
    }

    private final OrgDirectory org;
    private final WhistleCaseService cases;
    private final WhistleProperties properties;

    WhistleProcess(OrgDirectory org, WhistleCaseService cases, WhistleProperties properties) {
        this.org = org;
        this.cases = cases;
        this.properties = properties;
    }

    /** Recorded decisions of the tasks without a decision variable, and the engine's own steps. */
    public static final String REPORTED = "REPORTED";
    public static final String REPORTED_LATE = "REPORTED_LATE";
    public static final String HANDLED = "HANDLED";
    public static final String REOPENED = "REOPENED";

    @Override
    public String processKey() {
        return KEY;
    }

    @Override
    public Map<String, String> outcomeLabels() {
        return Map.of(WhistleCaseService.OUTCOME_CLOSED, "已办结", WhistleCaseService.OUTCOME_STOPPED, "劝导制止，已解决");
    }

    /** Every street/town office may blow the whistle (for its own street/town only: checked at start). */
    @Override
    public Set<String> starterGroups() {
        return org.groupsOf(PostRole.STREET_OFFICE);
    }

    @Override
    public Set<String> startVariables() {
        return Set.of(Vars.ORG_CODE, Vars.SUMMARY, Vars.LOCATION, Vars.URGENCY, Vars.DEPT_CODES, Vars.SOURCE,
                Vars.HOTLINE_TICKET_NO, Vars.CATEGORY, Vars.ROUTING_REASON, Vars.STOP_FIRST);
    }

    @Override
    public Map<String, TaskDecision> byTask() {
        Map<String, TaskDecision> tasks = new LinkedHashMap<>();
        // when dissuasion fails, the departments checked at the start are summoned (rule or street's choice)
        tasks.put(Elements.DISSUADE, TaskDecision.of(Vars.DISSUADED, Vars.DISSUADE_NOTE)
                .choice("劝导制止结果", "true", "劝导制止有效，问题已解决", "false", "制止无效，移交部门执法")
                .reasonRequired("劝导制止情况"));
        tasks.put(Elements.REPORT, TaskDecision.of(null, Vars.REPORT_NOTE).withContext(Vars.DEPT_CODE)
                .recordedAs(REPORTED).reasonRequired("报到说明"));
        tasks.put(Elements.HANDLE, TaskDecision.of(null, Vars.HANDLING_NOTE)
                .recordedAs(HANDLED).reasonRequired("处置情况"));
        tasks.put(Elements.CONFIRM, TaskDecision.of(Vars.RESOLVED, Vars.CONFIRM_COMMENT)
                .choice("问题是否已解决", "true", "已解决", "false", "未解决")
                .rejecting("false"));
        tasks.put(Elements.FOLLOW_UP, TaskDecision.of(Vars.SATISFACTION, Vars.FOLLOW_UP_COMMENT)
                .withContext(Vars.REOPEN_COUNT));
        return tasks;
    }

    // ---- called from expressions in whistle-dispatch.bpmn ----

    /** The collection of the multi-instance report sub-process: the summoned department codes. */
    public List<String> summonedDepartments(Long caseId) {
        return new ArrayList<>(cases.summonedDepartments(caseId));
    }

    /** Candidate group of a department's report task: its agency in the street/town, else the department. */
    public String reportGroup(Long caseId, String deptCode) {
        return cases.summons(caseId, deptCode).getRoutedGroup();
    }

    /** Chinese name of a department, for the report form. */
    public String departmentName(String deptCode) {
        return org.findDepartment(deptCode).map(d -> d.getName()).orElse(deptCode);
    }

    /**
     * The departments of whistle-routing.dmn's result (collect: one {@code deptCode} per matched
     * rule) as the comma-separated codes the case keeps in {@code routedDeptCodes}.
     */
    public String routedCodes(org.camunda.bpm.dmn.engine.DmnDecisionResult result) {
        return String.join(",", new java.util.LinkedHashSet<>(result.collectEntries("deptCode").stream()
                .filter(java.util.Objects::nonNull).map(Object::toString).toList()));
    }

    /** Due date of the street's dissuasion (app.whistle.dissuade-days after the whistle). */
    public Date dissuadeDue() {
        return daysFromNow(properties.dissuadeDays());
    }

    /** Due date of the street's confirmation (app.whistle.confirmation-days after the task is created). */
    public Date confirmationDue() {
        return daysFromNow(properties.confirmationDays());
    }

    /** Due date of the follow-up visit (app.whistle.follow-up-days after the task is created). */
    public Date followUpDue() {
        return daysFromNow(properties.followUpDays());
    }

    private static Date daysFromNow(int days) {
        return CaseClock.inDays(days);
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
