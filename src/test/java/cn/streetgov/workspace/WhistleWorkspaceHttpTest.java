package cn.streetgov.workspace;

import static cn.streetgov.whistle.process.WhistleProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.whistle.process.WhistleProcess;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The workspace on a {@code whistle-dispatch} case: the summoned departments' reports in the record
 * of the joint handling, 已办 of the agencies that reported, the case ended with its outcome in
 * Chinese, and the diagram of an ended case.
 */
class WhistleWorkspaceHttpTest extends WorkspaceTestSupport {

    @Test
    void shouldShowEveryDepartmentsReportToTheJointHandling() {
        ProcessInstance instance = blow();
        complete("s01-ga-head", reportTask(instance, "GA"), Map.of(Vars.REPORT_NOTE, "派出所民警已到场维持秩序"));
        complete("s01-cgzf-head", reportTask(instance, "CGZF"), Map.of(Vars.REPORT_NOTE, "城管中队已清理占道"));

        JsonNode record = record("s01-off", instance);

        assertThat(record.path("case").path("subject").asText()).isEqualTo("道路积水，多部门协同处置");
        assertThat(texts(record.path("case").path("currentSteps"), "name")).containsExactly("联合处置");
        assertThat(texts(record.path("case").path("currentSteps"), "orgName")).containsExactly("东华街道");
        JsonNode reports = record.path("reports");
        assertThat(reports).hasSize(2);
        assertThat(texts(reports, "orgName")).containsExactlyInAnyOrder("东华派出所", "东华城管执法中队");
        assertThat(texts(reports, "title")).containsExactlyInAnyOrder("部门报到：公安分局", "部门报到：城市管理和综合执法局");
        assertThat(texts(reports, "text")).containsExactlyInAnyOrder("派出所民警已到场维持秩序", "城管中队已清理占道");
        reports.forEach(report -> {
            assertThat(report.path("userName").asText()).isNotBlank().doesNotContain("-head");
            assertThat(report.path("time").asText()).matches(BEIJING_TIME);
        });
        List<JsonNode> reportSteps = steps(record, "部门报到");
        assertThat(reportSteps).hasSize(2).allSatisfy(step -> {
            assertThat(step.path("stateLabel").asText()).isEqualTo("已完成");
            assertThat(step.path("typeLabel").asText()).isEqualTo("办理意见");
            // a report has no choice: its recorded code (REPORTED) is no label for a person
            assertThat(step.path("decisionLabel").isNull()).isTrue();
        });
        assertThat(record.path("opinions")).hasSize(2).allSatisfy(opinion -> {
            assertThat(opinion.path("decisionLabel").isNull()).isTrue();
            assertThat(opinion.path("typeLabel").asText()).isEqualTo("办理意见");
        });
        assertThat(reportSteps).extracting(step -> step.path("orgName").asText())
                .containsExactlyInAnyOrder("东华派出所", "东华城管执法中队");
        assertThat(listed("s01-ga-head", "done", instance).path("myLastStep").path("name").asText())
                .isEqualTo("部门报到");
    }

    @Test
    void shouldListAnEndedCaseWithItsOutcomeInChineseAndDrawItsWholePath() {
        ProcessInstance instance = blow();
        complete("s01-ga-head", reportTask(instance, "GA"), Map.of(Vars.REPORT_NOTE, "已到场"));
        complete("s01-cgzf-head", reportTask(instance, "CGZF"), Map.of(Vars.REPORT_NOTE, "已到场"));
        complete("s01-off", task(instance, HANDLE), Map.of(Vars.HANDLING_NOTE, "积水已排除"));
        complete("s01-off", task(instance, CONFIRM), Map.of(Vars.RESOLVED, true));
        complete("s01-off", task(instance, FOLLOW_UP), Map.of(Vars.SATISFACTION, 5));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getEndTime()).isNotNull();

        JsonNode started = listed("s01-off", "started", instance);
        assertThat(started.path("state").asText()).isEqualTo("ENDED");
        assertThat(started.path("stateLabel").asText()).isEqualTo("已办结");
        assertThat(started.path("outcome").asText()).isEqualTo("CLOSED");
        assertThat(started.path("outcomeLabel").asText()).isEqualTo("已办结");
        assertThat(started.path("endedAt").asText()).matches(BEIJING_TIME);
        assertThat(started.path("currentSteps")).isEmpty();
        assertThat(started.path("withdrawableTaskId").isNull()).isTrue();
        assertThat(started.path("myLastStep").path("name").asText()).isEqualTo("回访群众");
        assertThat(items(ok("s01-off", "/api/cases/started?state=ENDED&size=100&q=" + instance.getBusinessKey())))
                .extracting(i -> i.path("processInstanceId").asText()).containsExactly(instance.getId());
        assertThat(items(ok("s01-off", "/api/cases/started?state=RUNNING&size=100&q=" + instance.getBusinessKey())))
                .isEmpty();
        assertThat(listed("s01-cgzf-head", "done", instance).path("state").asText()).isEqualTo("ENDED");

        JsonNode diagram = diagram("s01-off", instance);
        assertThat(values(diagram.path("active"))).isEmpty();
        assertThat(values(diagram.path("completed"))).contains(START, REPORT, HANDLE, CONFIRM, FOLLOW_UP, CLOSED,
                DEPARTMENT_REPORTS);
        assertThat(values(diagram.path("flows"))).isNotEmpty();
        assertThat(steps(record("s01-off", instance), "回访群众").get(0).path("decisionLabel").asText())
                .isNotBlank();
    }

    @Test
    void shouldRefuseTheCaseToAnotherStreetAndToAnAgencyNeverSummoned() {
        ProcessInstance instance = blow();
        complete("s01-ga-head", reportTask(instance, "GA"), Map.of(Vars.REPORT_NOTE, "已到场"));

        assertRefused("s02-off", instance);
        assertRefused("s02-ga-head", instance);
        assertRefused("s01-scjg-head", instance);
        // the summoned department's own officials read it (their agency reported)
        assertThat(caseOf("ga-off", instance).path("caseNo").asText()).isEqualTo(instance.getBusinessKey());
    }

    // ---------------------------------------------------------------- helpers

    private ProcessInstance blow() {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.ORG_CODE, "S01");
        vars.put(Vars.SUMMARY, "道路积水，多部门协同处置");
        vars.put(Vars.LOCATION, "和平路 12 号");
        vars.put(Vars.URGENCY, "URGENT");
        vars.put(Vars.DEPT_CODES, "GA,CGZF");
        return as("s01-off", () -> runtimeService.startProcessInstanceByKey(WhistleProcess.KEY, vars));
    }

    private Task reportTask(ProcessInstance instance, String deptCode) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(REPORT)
                .list().stream().filter(t -> deptCode.equals(taskService.getVariable(t.getId(), Vars.DEPT_CODE)))
                .toList();
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }
}
