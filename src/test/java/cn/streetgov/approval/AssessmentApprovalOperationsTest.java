package cn.streetgov.approval;

import static cn.streetgov.assessment.process.AssessmentCaseProcess.Elements.COMMITTEE;
import static cn.streetgov.assessment.process.AssessmentCaseProcess.Elements.SCORE;
import static cn.streetgov.assessment.process.AssessmentCaseProcess.Elements.SELF_EVALUATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.assessment.domain.AssessmentCase;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import cn.streetgov.assessment.process.AssessmentProcess;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.common.ForbiddenException;
import cn.streetgov.common.TooSoonException;
import cn.streetgov.test.Http;
import cn.streetgov.test.Officials;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 退回 and 催办 on {@code agency-assessment}: one child case {@code agency-assessment-case} per
 * street × agency (a multi-instance call activity); an operation on one child leaves the others alone.
 */
class AssessmentApprovalOperationsTest extends ApprovalTestSupport {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AssessmentService assessments;
    @LocalServerPort
    int port;

    // ---------------------------------------------------------------- 6. 退回 in one child case

    @Test
    void shouldReturnOneChildCaseFromTheCommitteeToTheScoringWhileTheOtherCasesGoOn() {
        ProcessInstance campaign = openCampaign("S02");
        List<ProcessInstance> children = children(campaign);
        assertThat(children).extracting(ProcessInstance::getBusinessKey).allMatch(k -> k.endsWith("-S02-CGZF")
                || k.endsWith("-S02-GA") || k.endsWith("-S02-SCJG")).hasSize(3);
        ProcessInstance cgzf = children.get(0);
        ProcessInstance ga = children.get(1);
        ProcessInstance scjg = children.get(2);
        selfEvaluate(cgzf, "s02-cgzf-head", 90);
        scoreAll(cgzf, "s02-off", 85);
        selfEvaluate(ga, "s02-ga-head", 80);
        scoreAll(ga, "s02-off", 80);
        assertThat(assessments.findCase(cgzf.getBusinessKey()).orElseThrow().getProposedScore())
                .isEqualByComparingTo("85");
        String gaCommittee = task(ga, COMMITTEE).getId();
        String scjgSelf = task(scjg, SELF_EVALUATE).getId();
        Task committee = task(cgzf, COMMITTEE);

        List<ApprovalOperations.ReturnTarget> targets = by("s02-sec", u -> ops.returnTargets(u, committee.getId()));
        assertThat(targets).extracting(ApprovalOperations.ReturnTarget::activityId).contains(SCORE, SELF_EVALUATE);
        ApprovalOperations.ReturnTarget scoring = targets.stream().filter(t -> t.activityId().equals(SCORE))
                .findFirst().orElseThrow();
        assertThat(scoring.assignee()).isEqualTo("s02-off");
        assertThat(scoring.label()).startsWith("街道办事处评分（" + ops.displayName("s02-off"));
        assertThat(scoring.toStarter()).isFalse();

        ApprovalOperations.Done done = by("s02-sec", u -> ops.returnTask(u, committee.getId(), SCORE, null,
                "作风建设评分依据不足，请重新评分"));

        assertThat(done.message()).contains("已退回至「街道办事处评分」", "重新办理");
        assertThat(openKeys(cgzf)).containsExactly(SCORE);
        Task again = task(cgzf, SCORE);
        assertThat(again.getId()).isEqualTo(done.taskId());
        assertThat(again.getAssignee()).isEqualTo("s02-off");
        assertThat(candidateGroups(again)).containsExactly("street-office-S02");
        assertThat(again.getDueDate()).isAfter(ClockUtil.getCurrentTime());
        // the other pairs' cases are untouched, and the campaign still waits for all three
        assertThat(openKeys(ga)).containsExactly(COMMITTEE);
        assertThat(task(ga, COMMITTEE).getId()).isEqualTo(gaCommittee);
        assertThat(openKeys(scjg)).containsExactly(SELF_EVALUATE);
        assertThat(task(scjg, SELF_EVALUATE).getId()).isEqualTo(scjgSelf);
        assertThat(campaign).isWaitingAt(AssessmentProcess.Elements.ASSESS_AGENCIES);
        assertThat(children(campaign)).hasSize(3);
        assertThat(entries(ga, CaseDecision.Type.RETURN)).isEmpty();
        assertThat(entries(scjg, CaseDecision.Type.RETURN)).isEmpty();

        CaseDecision returned = entries(cgzf, CaseDecision.Type.RETURN).get(0);
        assertThat(returned.getActorUser()).isEqualTo("s02-sec");
        assertThat(returned.getActorGroup()).isEqualTo("street-committee-S02");
        assertThat(returned.getComment()).isEqualTo("作风建设评分依据不足，请重新评分");
        assertThat(returned.getDecision()).isEqualTo(SCORE);
        assertThat(returned.getDecisionLabel()).isEqualTo("退回至：街道办事处评分");
        assertThat(returned.getTaskKey()).isEqualTo(COMMITTEE);
        assertThat(returned.getDetails()).contains("\"toUser\":\"s02-off\"");
        assertThat(auditTypes(cgzf)).contains("RETURN");
        assertThat(auditTypes(ga)).doesNotContain("RETURN");

        // re-scored, the committee reviews again (the self-evaluation is not redone)
        scoreAll(cgzf, "s02-off", 90);
        assertThat(openKeys(cgzf)).containsExactly(COMMITTEE);
        Task review = task(cgzf, COMMITTEE);
        assertThat(candidateGroups(review)).containsExactly("street-committee-S02");
        assertThat(review.getDueDate()).isAfter(ClockUtil.getCurrentTime());
        AssessmentCase rescored = assessments.findCase(cgzf.getBusinessKey()).orElseThrow();
        assertThat(rescored.getProposedScore()).isEqualByComparingTo("90");
        assertThat(rescored.getScoredBy()).isEqualTo("s02-off");
        assertThat(rescored.getStatus().name()).isEqualTo("SCORING");
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(cgzf.getId())
                .taskDefinitionKey(SCORE).count()).isEqualTo(2);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(cgzf.getId())
                .taskDefinitionKey(SELF_EVALUATE).count()).isEqualTo(1);
        List<CaseRecordView.Opinion> opinions = by("s02-sec", u -> view.opinions(u, cgzf.getId()));
        assertThat(opinions).extracting(CaseRecordView.Opinion::type)
                .containsExactly("COMMENT", "COMMENT", "RETURN", "COMMENT");
        assertThat(opinions.get(2)).satisfies(o -> {
            assertThat(o.typeLabel()).isEqualTo("退回");
            assertThat(o.userId()).isEqualTo("s02-sec");
            assertThat(o.orgCode()).isEqualTo("S02");
            assertThat(o.stepName()).isEqualTo("街道党（工）委审定");
        });

        confirm(cgzf, "s02-sec");
        assertThat(assessments.findCase(cgzf.getBusinessKey()).orElseThrow().getTotalScore())
                .isEqualByComparingTo("90");
    }

    // ---------------------------------------------------------------- 7. 催办

    @Test
    void shouldLetTheAssessmentOfficeUrgeOnceAnHour() {
        ProcessInstance campaign = openCampaign("S02");
        ProcessInstance cgzf = children(campaign).get(0);
        Task self = task(cgzf, SELF_EVALUATE);
        assertThat(by("kaohe", u -> ops.operations(u, self.getId())).operations())
                .containsExactly(cn.streetgov.casework.ApprovalOperation.URGE);

        ApprovalOperations.Done first = by("kaohe", u -> ops.urge(u, self.getId(), "自评报告请于本周内提交"));

        assertThat(first.message()).isEqualTo("已催办（第 1 次）");
        CaseDecision urged = entries(cgzf, CaseDecision.Type.URGE).get(0);
        assertThat(urged.getActorUser()).isEqualTo("kaohe");
        assertThat(urged.getActorGroup()).isEqualTo("assessment-office");
        assertThat(urged.getDecisionLabel()).isEqualTo("第 1 次催办");
        assertThat(urged.getComment()).isEqualTo("自评报告请于本周内提交");
        assertThat(urged.getTaskId()).isEqualTo(self.getId());
        assertThat(urged.getDetails()).contains("\"to\":[\"agency-S02-CGZF\"]", "\"count\":1");
        assertThat(jdbc.queryForObject("select count(*) from case_notification where process_instance_id = ?"
                + " and kind = 'URGE' and recipient_group = 'agency-S02-CGZF'", Long.class, cgzf.getId())).isOne();

        // a second urge within the hour: refused, naming when the next one is allowed
        advanceClock(59);
        String next = CaseClock.toLocal(Date.from(urged.getDecidedAt().plus(Duration.ofHours(1)))).format(MINUTE);
        assertThatThrownBy(() -> by("kaohe", u -> ops.urge(u, self.getId(), "再催一次")))
                .isInstanceOf(TooSoonException.class).hasMessageContaining("每小时最多催办一次")
                .hasMessageContaining("下次可催办时间：" + next)
                .satisfies(e -> assertThat(((TooSoonException) e).getStatus()).isEqualTo(429));
        Http.Response http = Http.as(port, "kaohe").postJson("/api/tasks/" + self.getId() + "/urge",
                Map.of("note", "再催一次"));
        assertThat(http.status()).isEqualTo(429);
        assertThat(http.json().get("message").asText()).contains("下次可催办时间：" + next);
        assertThat(entries(cgzf, CaseDecision.Type.URGE)).hasSize(1);

        // an hour later it is allowed again
        advanceClock(2);
        ApprovalOperations.Done second = by("kaohe", u -> ops.urge(u, self.getId(), "请今日提交"));
        assertThat(second.message()).isEqualTo("已催办（第 2 次）");
        assertThat(entries(cgzf, CaseDecision.Type.URGE)).extracting(CaseDecision::getDecisionLabel)
                .containsExactly("第 1 次催办", "第 2 次催办");

        // an official of another street may not urge (nor is it offered to them)
        assertThatThrownBy(() -> by("s01-off", u -> ops.urge(u, self.getId(), "催一下")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("只有案件发起人或该步骤的督办单位可以催办");
        assertThat(by("s01-off", u -> ops.operations(u, self.getId())).operations()).isEmpty();
        assertThat(entries(cgzf, CaseDecision.Type.URGE)).hasSize(2);
        assertThat(auditTypes(cgzf)).filteredOn("URGE"::equals).hasSize(2);
    }

    // ---------------------------------------------------------------- helpers

    private ProcessInstance openCampaign(String orgCodes) {
        String period = Officials.freshAssessmentPeriod(assessments);
        ProcessInstance campaign = as("kaohe", () -> runtimeService.startProcessInstanceByKey(AssessmentProcess.KEY,
                Map.of(AssessmentProcess.Vars.PERIOD, period, AssessmentProcess.Vars.ORG_CODES, orgCodes)));
        // opening the cases is done by jobs
        runDueJobs(campaign);
        assertThat(campaign).isWaitingAt(AssessmentProcess.Elements.ASSESS_AGENCIES);
        return campaign;
    }

    private List<ProcessInstance> children(ProcessInstance campaign) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(campaign.getId())
                .orderByBusinessKey().asc().list();
    }

    private void selfEvaluate(ProcessInstance instance, String user, int score) {
        complete(user, task(instance, SELF_EVALUATE),
                Map.of(Vars.SELF_SCORE, score, Vars.SELF_REPORT, "按清单履职，配合街道完成各项工作"));
    }

    private void scoreAll(ProcessInstance instance, String user, int score) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.SCORE_COMMAND, score);
        vars.put(Vars.SCORE_DUTY, score);
        vars.put(Vars.SCORE_STYLE, score);
        vars.put(Vars.SCORE_COOPERATION, score);
        vars.put(Vars.SCORE_SATISFACTION, score);
        vars.put(Vars.VETO_ITEM, false);
        Integer prefilled = (Integer) runtimeService.getVariable(instance.getId(), Vars.PREFILLED_COMMAND);
        if (prefilled != null && prefilled != score) {
            vars.put(Vars.SCORE_CHANGE_REASON, "按实际表现评分");
        }
        complete(user, task(instance, SCORE), vars);
    }

    private void confirm(ProcessInstance instance, String user) {
        complete(user, task(instance, COMMITTEE), Map.of(Vars.COMMITTEE_DECISION, "CONFIRM"));
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
    }

    private List<String> auditTypes(ProcessInstance pi) {
        return jdbc.queryForList("select event_type from audit_record where process_instance_id = ? order by seq",
                String.class, pi.getId());
    }

    private static void advanceClock(long minutes) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + minutes * 60_000L));
    }
}
