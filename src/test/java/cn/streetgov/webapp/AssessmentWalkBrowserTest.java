package cn.streetgov.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.process.AssessmentCaseProcess;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Elements;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import cn.streetgov.assessment.process.AssessmentProcess;
import cn.streetgov.security.CurrentUser;
import cn.streetgov.startform.StartOptions;
import cn.streetgov.test.Officials;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 街道对派驻机构考核 in Tasklist from the campaign to 区委组织部's note of the results, as the demo
 * officials do it (see {@link TasklistWalk}): 区考核办 opens the assessment of 东华街道's agencies, and
 * one agency's case is followed — 东华派出所 evaluates itself, the street office scores it, the street
 * committee confirms it, the publicity ends (its timer fired by the test) — while the street's two
 * other agencies are assessed through the engine; then 区委组织部 takes note of the results.
 * Screenshots: target/user-guide/agency-assessment/.
 */
class AssessmentWalkBrowserTest extends WalkBrowserTestSupport {

    @Autowired
    AssessmentService assessments;
    @Autowired
    StartOptions startOptions;

    @Override
    String workflow() {
        return AssessmentProcess.KEY;
    }

    @Test
    void anAssessmentFromTheCampaignToTheOrganisationDepartmentsNote() {
        RuntimeService runtime = engine.getRuntimeService();
        // a period the start form offers (those not yet assessed, in Chinese)
        StartOptions.Option offered = startOptions.forUser(AssessmentProcess.KEY,
                new CurrentUser("kaohe", Set.of("assessment-office"))).options().get(StartOptions.PERIODS).get(0);
        String period = offered.value();
        walk.loginAs("kaohe");
        ProcessInstance campaign = walk.startCase("街道对派驻机构考核", "考核期", () -> {
            walk.select("考核期", offered.label());
            walk.choose("参加考核的街道/镇（可选）", "东华街道");
        }, () -> runtime.createProcessInstanceQuery().processDefinitionKey(AssessmentProcess.KEY)
                .processInstanceBusinessKey("KH-" + period).singleResult());
        // the cases of the street's agencies are opened in the background
        walk.runDueJobs();

        ProcessInstance police = child(period, "S01-GA");
        walk.follow(police);
        walk.open("self-evaluation", "s01-ga-head", Elements.SELF_EVALUATE);
        walk.theTimeShowsInBeijingTime("自评截止时间", (Date) runtime.getVariable(police.getId(), Vars.SELF_EVALUATION_DUE));
        String selfReport = "全年按清单履职，吹哨必到，配合街道完成夜市整治等专项行动";
        walk.claim();
        walk.fill("自评分（0–100）", "88");
        walk.report("自评报告", selfReport);

        walk.open("scoring", "s01-off", Elements.SCORE);
        assertThat(walk.shown("指挥调度")).as("the command score pre-filled from the whistle figures")
                .isEqualTo(String.valueOf(runtime.getVariable(police.getId(), Vars.PREFILLED_COMMAND)));
        walk.claim();
        walk.fill("履职清单", "85");
        walk.fill("工作作风", "86");
        walk.fill("协作配合", "84");
        walk.fill("群众满意度", "85");
        walk.submit(null);

        walk.open("committee-review", "s01-sec", Elements.COMMITTEE);
        walk.decide("审定意见", "确认");
        walk.fireTimer(police.getId(), Elements.PUBLICITY_ENDED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(police.getId()).count())
                .as("the police station's assessment is final").isZero();

        // the street's other agencies, assessed through the engine
        assessOffScreen(child(period, "S01-CGZF"), "s01-cgzf-head");
        assessOffScreen(child(period, "S01-SCJG"), "s01-scjg-head");
        walk.follow(runtime.createProcessInstanceQuery().processInstanceId(campaign.getId()).singleResult());
        walk.runDueJobs();

        walk.open("take-note", "orgdept", AssessmentProcess.Elements.TAKE_NOTE);
        String note = "已知悉，东华街道三个派驻机构考核结果纳入干部考察材料";
        walk.report("意见（可选）", note);

        walk.end("kaohe", null);
    }

    private ProcessInstance child(String period, String agencyCode) {
        ProcessInstance child = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(AssessmentCaseProcess.KEY)
                .processInstanceBusinessKey(AssessmentService.caseNo(period, agencyCode)).singleResult();
        assertThat(child).as("the assessment of %s", agencyCode).isNotNull();
        return child;
    }

    /** Self-evaluation, scores (82 each) and the committee's confirmation, then the publicity ends. */
    private void assessOffScreen(ProcessInstance assessment, String agencyHead) {
        complete(assessment, Elements.SELF_EVALUATE, agencyHead,
                Map.of(Vars.SELF_SCORE, 85, Vars.SELF_REPORT, "按清单履职，配合街道完成各项工作"));
        Map<String, Object> scores = new HashMap<>();
        for (String indicator : new String[] {Vars.SCORE_COMMAND, Vars.SCORE_DUTY, Vars.SCORE_STYLE,
                Vars.SCORE_COOPERATION, Vars.SCORE_SATISFACTION}) {
            scores.put(indicator, 82);
        }
        scores.put(Vars.VETO_ITEM, false);
        scores.put(Vars.SCORE_CHANGE_REASON, "按全年实际表现评分");
        complete(assessment, Elements.SCORE, "s01-off", scores);
        complete(assessment, Elements.COMMITTEE, "s01-sec", Map.of(Vars.COMMITTEE_DECISION, "CONFIRM"));
        walk.follow(assessment);
        walk.fireTimer(assessment.getId(), Elements.PUBLICITY_ENDED);
    }

    private void complete(ProcessInstance assessment, String taskKey, String user, Map<String, Object> variables) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(assessment.getId())
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("%s of %s", taskKey, assessment.getBusinessKey()).isNotNull();
        Officials.complete(engine, user, task, variables);
    }
}
