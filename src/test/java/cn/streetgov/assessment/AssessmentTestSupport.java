package cn.streetgov.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.assessment.domain.AssessmentCampaign;
import cn.streetgov.assessment.domain.AssessmentCase;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.domain.AssessmentService.Actor;
import cn.streetgov.assessment.process.AssessmentCaseProcess;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Elements;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import cn.streetgov.test.Officials;
import cn.streetgov.test.ProcessTestSupport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** Helpers of the assessment tests: fresh periods, campaigns without the campaign process, one case's steps. */
abstract class AssessmentTestSupport extends ProcessTestSupport {

    static final int DAY = 24 * 60;

    @Autowired
    AssessmentService assessments;

    /** A period no campaign has used yet (tests share one database). */
    String freshPeriod() {
        return Officials.freshAssessmentPeriod(assessments);
    }

    /** A campaign row of a fresh period, opened without its process (for tests of the case process). */
    AssessmentCampaign campaign() {
        return assessments.openCampaign(freshPeriod(), List.of(), new Actor("kaohe", "assessment-office"), null);
    }

    ProcessInstance startCase(AssessmentCampaign campaign, String agencyCode) {
        return runtimeService.startProcessInstanceByKey(AssessmentCaseProcess.KEY,
                Map.of(Vars.CAMPAIGN_ID, campaign.getId(), Vars.AGENCY_CODE, agencyCode));
    }

    AssessmentCase record(ProcessInstance instance) {
        return assessments.findCase(instance.getBusinessKey()).orElseThrow();
    }

    void selfEvaluate(ProcessInstance instance, String user, int score) {
        complete(user, task(instance, Elements.SELF_EVALUATE),
                Map.of(Vars.SELF_SCORE, score, Vars.SELF_REPORT, "按清单履职，配合街道完成各项工作"));
    }

    static Map<String, Object> scores(int command, int duty, int style, int cooperation, int satisfaction) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.SCORE_COMMAND, command);
        vars.put(Vars.SCORE_DUTY, duty);
        vars.put(Vars.SCORE_STYLE, style);
        vars.put(Vars.SCORE_COOPERATION, cooperation);
        vars.put(Vars.SCORE_SATISFACTION, satisfaction);
        vars.put(Vars.VETO_ITEM, false);
        return vars;
    }

    /** Scores all five indicators with {@code score}, keeping the pre-filled command score. */
    void scoreAll(ProcessInstance instance, String user, int score) {
        Integer prefilled = (Integer) runtimeService.getVariable(instance.getId(), Vars.PREFILLED_COMMAND);
        Map<String, Object> vars = scores(score, score, score, score, score);
        if (prefilled != null && prefilled != score) {
            vars.put(Vars.SCORE_CHANGE_REASON, "按实际表现评分");
        }
        complete(user, task(instance, Elements.SCORE), vars);
    }

    void confirm(ProcessInstance instance, String user) {
        complete(user, task(instance, Elements.COMMITTEE), Map.of(Vars.COMMITTEE_DECISION, "CONFIRM"));
    }

    /** Self-evaluation, scores and committee confirmation: the case is then in publicity. */
    void scoreAndConfirm(ProcessInstance instance, String org, String agencyHead, int score) {
        selfEvaluate(instance, agencyHead, score);
        scoreAll(instance, org + "-off", score);
        confirm(instance, org + "-sec");
        assertThat(record(instance).getStatus().name()).isEqualTo("PUBLICITY");
        assertThat(instance).isWaitingAt(Elements.PUBLICITY_GATEWAY);
    }

    void object(ProcessInstance instance, String reason) {
        runtimeService.createMessageCorrelation(AssessmentCaseProcess.MESSAGE_OBJECTION)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .setVariable(Vars.OBJECTION_REASON, reason).setVariable(Vars.OBJECTED_BY, "agency-head")
                .correlateWithResult();
    }

    void endPublicity(ProcessInstance instance) {
        advanceClockAndRunDueJobs(instance, 5 * DAY + 1);
    }
}
