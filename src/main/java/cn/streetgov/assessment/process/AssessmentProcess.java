package cn.streetgov.assessment.process;

import cn.streetgov.assessment.domain.AssessmentProperties;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.casework.OutcomeLabels;
import cn.streetgov.casework.TaskDecisions;
import cn.streetgov.common.VariableLists;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.casework.ProcessStarters;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Process {@code agency-assessment} (街道对派驻机构考核, the campaign): its key, element ids, variable
 * names, who may start it, the decision of its task, and the helpers its expressions call
 * ({@code ${assessmentProcess.…}}). Each pair's assessment is {@link AssessmentCaseProcess}.
 */
@Component(AssessmentProcess.BEAN)
public class AssessmentProcess implements TaskDecisions, ProcessStarters, OutcomeLabels {

    public static final String KEY = "agency-assessment";
    public static final String BEAN = "assessmentProcess";

    /** Element ids of processes/agency-assessment.bpmn. */
    public static final class Elements {
        public static final String START = "startEvent_campaignOpened";
        public static final String ASSESS_AGENCIES = "callActivity_assessAgencies";
        public static final String AGGREGATE = "serviceTask_aggregateResults";
        public static final String TAKE_NOTE = "userTask_takeNote";
        public static final String CLOSED = "endEvent_campaignClosed";

        private Elements() {
        }
    }

    /** Variable names (CONTRACT.md plus the ones the process sets). */
    public static final class Vars {
        public static final String PERIOD = "period";
        /** Optional: the streets/towns to assess (list; default all). */
        public static final String ORG_CODES = "orgCodes";
        public static final String CAMPAIGN_ID = "campaignId";
        public static final String CAMPAIGN_NO = "campaignNo";
        public static final String PAIR_COUNT = "pairCount";
        /** Element variable of the multi-instance call activity. */
        public static final String AGENCY_CODE = "agencyCode";
        public static final String RESULT_SUMMARY = "resultSummary";
        public static final String NOTE_COMMENT = "noteComment";

        private Vars() {
        }
    }

    private final AssessmentService assessments;
    private final AssessmentProperties properties;
    private final AssessmentTimerProperties timer;

    AssessmentProcess(AssessmentService assessments, AssessmentProperties properties, AssessmentTimerProperties timer) {
        this.assessments = assessments;
        this.properties = properties;
        this.timer = timer;
    }

    /** The recorded decision of the organisation department's note. */
    public static final String NOTED = "NOTED";

    @Override
    public String processKey() {
        return KEY;
    }

    /** A campaign's result once the organisation department has noted it (the index takes it from the campaign). */
    @Override
    public Map<String, String> outcomeLabels() {
        return Map.of(NOTED, "考核结果已汇总，组织部已知悉");
    }

    @Override
    public Set<String> starterGroups() {
        return Set.of(PostRole.ASSESSMENT_OFFICE.groupId(null));
    }

    @Override
    public Set<String> startVariables() {
        return Set.of(Vars.PERIOD, Vars.ORG_CODES);
    }

    @Override
    public Map<String, TaskDecision> byTask() {
        Map<String, TaskDecision> tasks = new LinkedHashMap<>();
        tasks.put(Elements.TAKE_NOTE, TaskDecision.of(null, Vars.NOTE_COMMENT).withContext(Vars.PERIOD)
                .recordedAs(NOTED));
        return tasks;
    }

    // ---- called from expressions in agency-assessment.bpmn ----

    /** The collection of the multi-instance call activity: the agencies to assess. */
    public List<String> pairs(VariableScope execution) {
        return new ArrayList<>(assessments.pairs(orgCodes(execution.getVariable(Vars.ORG_CODES))));
    }

    /** Business key of a pair's assessment, e.g. KH-2026-H2-S01-GA. */
    public String caseNo(String period, String agencyCode) {
        return AssessmentService.caseNo(period, agencyCode);
    }

    /** The cycle of the timer start event of agency-assessment-timer (app.assessment.timer.cycle), read when it is deployed. */
    public String campaignCycle() {
        return timer.cycle();
    }

    /** Due date of org-dept's note (app.assessment.note-days after the task is created). */
    public Date noteDue() {
        return AssessmentCaseProcess.daysFromNow(properties.noteDays());
    }

    static List<String> orgCodes(Object value) {
        return VariableLists.parse(value);
    }
}
