package cn.streetgov.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import cn.streetgov.whistle.process.WhistleProcess;
import cn.streetgov.whistle.process.WhistleProcess.Elements;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A business rule's refusal reaches the official as its Chinese reason alone — never wrapped in the
 * engine's text ("Cannot submit task form …: ENGINE-… TaskListener: 请填写…") or as raw JSON: over the
 * webapps' engine API as Tasklist sends a completion (submit-form, with the session's XSRF token)
 * and over /engine-rest. The refused completion changes nothing.
 */
class RefusalMessagesHttpTest extends ProcessTestSupport {

    private static final String WEBAPP_API = "/camunda/api/engine/engine/default";
    private static final String REASON = "请填写报到说明";

    @LocalServerPort
    int port;

    @Test
    void shouldAnswerTasklistsCompletionWithoutTheRequiredOpinionWithTheChineseReasonAlone() {
        Task report = claimedReport();
        Http tasklist = Http.webappLogin(port, "s01-ga-head", "tasklist");

        Http.Response refused = tasklist.postJson(WEBAPP_API + "/task/" + report.getId() + "/submit-form",
                Map.of("variables", Map.of(Vars.REPORT_NOTE, Map.of("value", "  ", "type", "String"))));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).isEqualTo(REASON);
        assertThat(refused.body()).doesNotContain("ENGINE-", "Cannot submit", "TaskListener", "Exception:");
        assertThat(taskService.createTaskQuery().taskId(report.getId()).count()).isOne();
    }

    @Test
    void shouldAnswerTheSameRefusalOverTheRestApiWithTheChineseReasonAlone() {
        Task report = claimedReport();
        Http rest = Http.as(port, "s01-ga-head");
        Map<String, Object> body = Map.of("variables", Map.of(Vars.REPORT_NOTE, Map.of("value", "", "type", "String")));

        for (String action : new String[] {"submit-form", "complete"}) {
            Http.Response refused = rest.postJson("/engine-rest/task/" + report.getId() + "/" + action, body);
            assertThat(refused.status()).as(action + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().path("message").asText()).as(action).isEqualTo(REASON);
            assertThat(refused.body()).doesNotContain("ENGINE-", "Cannot submit", "TaskListener");
        }
        assertThat(taskService.createTaskQuery().taskId(report.getId()).count()).isOne();
    }

    @Test
    void shouldAnswerARefusedStartFromTasklistWithTheChineseReasonAlone() {
        Http tasklist = Http.webappLogin(port, "s01-off", "tasklist");
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(WhistleProcess.KEY)
                .latestVersion().singleResult().getId();
        // a street office may blow the whistle for its own street only
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.ORG_CODE, Map.of("value", "S02", "type", "String"));
        variables.put(Vars.SUMMARY, Map.of("value", "占道经营", "type", "String"));
        variables.put(Vars.URGENCY, Map.of("value", "NORMAL", "type", "String"));
        variables.put(Vars.DEPT_CODES, Map.of("value", "GA", "type", "String"));

        Http.Response refused = tasklist.postJson(WEBAPP_API + "/process-definition/" + definitionId + "/submit-form",
                Map.of("variables", variables));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).startsWith("只能为本街道/镇吹哨")
                .doesNotContain("ENGINE-", "Cannot instantiate", "ExecutionListener");
    }

    @Test
    void shouldAnswerTheEnginesOwnRefusalsInChineseOnBothApis() {
        Task report = claimedReport();
        Http tasklist = Http.webappLogin(port, "s01-ga-head", "tasklist");
        Http auditor = Http.webappLogin(port, "auditor", "tasklist");
        for (Http.Response refused : new Http.Response[] {
                auditor.postJson(WEBAPP_API + "/task/" + report.getId() + "/claim", Map.of("userId", "auditor")),
                Http.as(port, "auditor").postJson("/engine-rest/task/" + report.getId() + "/claim",
                        Map.of("userId", "auditor"))}) {
            // the auditor may read the task but not work on it
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.json().path("type").asText()).isEqualTo("AuthorizationException");
            assertThat(refused.json().path("message").asText()).isEqualTo("您无权进行此操作");
        }
        // claimed meanwhile by someone else: the head's claim is told so (the engine's REST API says 500)
        taskService.setAssignee(report.getId(), "s01-sec");
        Http.Response taken = tasklist.postJson(WEBAPP_API + "/task/" + report.getId() + "/claim",
                Map.of("userId", "s01-ga-head"));
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        assertThat(taken.json().path("message").asText()).isEqualTo("该任务已被他人认领，请刷新任务列表");
    }

    /** A whistle's report task of 东华派出所, claimed by its head. */
    private Task claimedReport() {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.ORG_CODE, "S01");
        vars.put(Vars.SUMMARY, "占道经营，需公安到场");
        vars.put(Vars.URGENCY, "NORMAL");
        vars.put(Vars.DEPT_CODES, "GA");
        ProcessInstance pi = as("s01-off", () -> runtimeService.startProcessInstanceByKey(WhistleProcess.KEY, vars));
        Task report = task(pi, Elements.REPORT);
        as("s01-ga-head", () -> {
            taskService.claim(report.getId(), "s01-ga-head");
            return null;
        });
        return report;
    }
}
