package cn.streetgov.workspace;

import static cn.streetgov.assessment.process.AssessmentCaseProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import cn.streetgov.assessment.process.AssessmentProcess;
import cn.streetgov.test.Officials;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workspace on {@code agency-assessment}: the campaign in 我发起的 of the assessment office with the
 * steps of every pair's case (called processes) in its record; each pair's case in 已办 of the agency
 * and the street, with the agency's self-evaluation report for the scoring, its grade in Chinese once
 * final; nothing for another street or another agency of the same street.
 */
class AssessmentWorkspaceHttpTest extends WorkspaceTestSupport {

    private static final int DAY = 24 * 60;

    @Autowired
    AssessmentService assessments;

    @Test
    void shouldFollowOnePairsAssessmentFromTheSelfEvaluationToItsGrade() {
        String period = Officials.freshAssessmentPeriod(assessments);
        ProcessInstance campaign = openCampaign(period);
        ProcessInstance ga = child(campaign, "-S02-GA");
        complete("s02-ga-head", task(ga, SELF_EVALUATE), Map.of(Vars.SELF_SCORE, 88,
                Vars.SELF_REPORT, "按清单履职，配合街道完成各项工作"));

        JsonNode item = caseOf("s02-off", ga);
        assertThat(item.path("subject").asText()).isEqualTo(periodLabel(period) + " 西岭街道 对 西岭派出所 考核");
        assertThat(item.path("starterName").asText()).isEqualTo(caseOf("kaohe", campaign).path("starterName").asText())
                .isNotBlank();
        assertThat(texts(item.path("currentSteps"), "name")).containsExactly("街道办事处评分");
        JsonNode reports = record("s02-off", ga).path("reports");
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).path("title").asText()).isEqualTo("派驻机构自评（自评 88 分）");
        assertThat(reports.get(0).path("orgName").asText()).isEqualTo("西岭派出所");
        assertThat(reports.get(0).path("text").asText()).isEqualTo("按清单履职，配合街道完成各项工作");
        assertThat(listed("s02-ga-head", "done", ga).path("myLastStep").path("name").asText()).isEqualTo("派驻机构自评");

        scoreAll(ga, "s02-off", 85);
        complete("s02-sec", task(ga, COMMITTEE), Map.of(Vars.COMMITTEE_DECISION, "CONFIRM"));
        advanceClockAndRunDueJobs(ga, 5 * DAY + 1);
        assertThat(ga).isEnded();

        JsonNode ended = listed("s02-sec", "done", ga);
        assertThat(ended.path("stateLabel").asText()).isEqualTo("已办结");
        assertThat(ended.path("outcomeLabel").asText()).matches("考核等次：(优秀|良好|合格|不合格)");
        JsonNode record = record("s02-ga-head", ga);
        assertThat(record.path("steps")).extracting(s -> s.path("name").asText())
                .contains("派驻机构自评", "街道办事处评分", "街道党（工）委审定");
        JsonNode diagram = diagram("s02-ga-head", ga);
        assertThat(values(diagram.path("completed"))).contains(SELF_EVALUATE, SCORE, COMMITTEE);
        assertThat(values(diagram.path("active"))).isEmpty();

        assertRefused("s01-off", ga);
        assertRefused("s02-cgzf-head", ga);
        assertRefused("s01-ga-head", ga);
    }

    @Test
    void shouldListTheCampaignForTheAssessmentOfficeWithTheStepsOfEveryPairsCase() {
        String period = Officials.freshAssessmentPeriod(assessments);
        ProcessInstance campaign = openCampaign(period);
        ProcessInstance ga = child(campaign, "-S02-GA");
        complete("s02-ga-head", task(ga, SELF_EVALUATE), Map.of(Vars.SELF_SCORE, 80, Vars.SELF_REPORT, "已自评"));

        JsonNode started = listed("kaohe", "started", campaign);
        assertThat(started.path("subject").asText()).isEqualTo(periodLabel(period) + " 街道对派驻机构考核");
        // the campaign waits at its call activity: where it is are the pairs' cases' steps
        assertThat(texts(started.path("currentSteps"), "name")).contains("派驻机构自评", "街道办事处评分");
        assertThat(texts(started.path("currentSteps"), "orgName")).contains("西岭城管执法中队", "西岭街道");
        JsonNode record = record("kaohe", campaign);
        assertThat(record.path("steps")).anySatisfy(step -> {
            assertThat(step.path("name").asText()).isEqualTo("派驻机构自评");
            assertThat(step.path("userId").asText()).isEqualTo("s02-ga-head");
            assertThat(step.path("stateLabel").asText()).isEqualTo("已完成");
        });
        assertThat(record.path("steps")).filteredOn(s -> s.path("name").asText().equals("派驻机构自评")).hasSize(3);
        // the pairs' cases are their own: none of them is in the assessment office's 我发起的
        assertThat(listed("kaohe", "started", ga)).isNull();
        assertRefused("s02-off", campaign);
    }

    // ---------------------------------------------------------------- helpers

    private static String periodLabel(String period) {
        if (period.length() == 4) {
            return period + "年度";
        }
        Map<String, String> parts = Map.of("H1", "上半年", "H2", "下半年", "Q1", "第一季度", "Q2", "第二季度",
                "Q3", "第三季度", "Q4", "第四季度");
        return period.substring(0, 4) + "年" + parts.get(period.substring(5));
    }

    private ProcessInstance openCampaign(String period) {
        ProcessInstance campaign = as("kaohe", () -> runtimeService.startProcessInstanceByKey(AssessmentProcess.KEY,
                Map.of(AssessmentProcess.Vars.PERIOD, period, AssessmentProcess.Vars.ORG_CODES, "S02")));
        runDueJobs(campaign);
        assertThat(campaign).isWaitingAt(AssessmentProcess.Elements.ASSESS_AGENCIES);
        return campaign;
    }

    private ProcessInstance child(ProcessInstance campaign, String suffix) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(campaign.getId()).list().stream()
                .filter(p -> p.getBusinessKey().endsWith(suffix)).findFirst().orElseThrow();
    }

    private void scoreAll(ProcessInstance instance, String user, int score) {
        Map<String, Object> vars = new HashMap<>();
        for (String name : List.of(Vars.SCORE_COMMAND, Vars.SCORE_DUTY, Vars.SCORE_STYLE, Vars.SCORE_COOPERATION,
                Vars.SCORE_SATISFACTION)) {
            vars.put(name, score);
        }
        vars.put(Vars.VETO_ITEM, false);
        Integer prefilled = (Integer) runtimeService.getVariable(instance.getId(), Vars.PREFILLED_COMMAND);
        if (prefilled != null && prefilled != score) {
            vars.put(Vars.SCORE_CHANGE_REASON, "按实际表现评分");
        }
        complete(user, task(instance, SCORE), vars);
    }
}
