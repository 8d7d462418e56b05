package cn.streetgov.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.appointment.process.SuggestionProcess;
import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import cn.streetgov.test.StartVariables;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What BadInputTest (reliability) found, one case each: every malformed request is a 4xx with a
 * Chinese reason, never a 500 or an English page of the server, and never gets past the checks.
 */
class MalformedRequestAnswersHttpTest extends ProcessTestSupport {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @LocalServerPort
    int port;

    private ProcessInstance instance;

    @AfterEach
    void cleanUp() {
        if (instance != null && runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
            runtimeService.deleteProcessInstance(instance.getId(), "test clean-up", true, true);
        }
    }

    @Test
    void shouldRefuseABrokenMultipartBodyWith400() {
        Http office = Http.as(port, "s01-off");
        Http.Response noBoundary = office.sendBytes("GET", "/api/copies", "multipart/form-data",
                "--x\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        assertChineseRefusal(noBoundary, 400);
        Http.Response cutShort = office.sendBytes("POST", "/api/cases/no-such-case/attachments",
                "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.png\"\r\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertChineseRefusal(cutShort, 400);
    }

    @Test
    void shouldAnswerRequestsTheServerRefusesBeforeTheApplicationInChinese() {
        Http office = Http.as(port, "s01-off");
        // an encoded slash, a NUL and an address longer than the server takes: refused by Tomcat itself
        assertChineseRefusal(office.get("/api/cases/..%2F..%2Fetc%2Fpasswd"), 400);
        assertChineseRefusal(office.get("/api/audit/x%00"), 400);
        assertChineseRefusal(office.get("/api/copies?q=" + "%E9%95%BF".repeat(4000)), 400);
    }

    @Test
    void shouldTellWhyALoginIsMissingOnTheEngineApi() {
        Http.Response anonymous = Http.anonymous(port).get("/engine-rest/task");
        assertChineseRefusal(anonymous, 401);
    }

    @Test
    void shouldCheckTheVariablesOfATaskWhateverTheCallerMaySeeOfIt() {
        instance = as("s01-off", () -> runtimeService.startProcessInstanceByKey("whistle-dispatch",
                StartVariables.whistle("S01", "GA", "NORMAL", "井盖缺失", "东华路 8 号")));
        Task report = taskService.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("agency-S01-GA")
                .singleResult();
        for (String user : new String[] {"s01-ga-head", "wj-off"}) {
            for (Map<String, Object> variables : java.util.List.<Map<String, Object>>of(
                    Map.of("reportNote", Map.of("value", "已到场", "type", "")),
                    Map.of("reportNote", Map.of("value", "已到场", "type", "String"), "initiator", Map.of("value", "", "type", "File")),
                    Map.of("reportNote", Map.of("value", true, "type", "Json")))) {
                Http.Response refused = Http.as(port, user).postJson("/engine-rest/task/" + report.getId() + "/submit-form",
                        Map.of("variables", variables));
                assertChineseRefusal(refused, 400);
            }
        }
        assertThat(taskService.createTaskQuery().taskId(report.getId()).count()).isEqualTo(1);
    }

    @Test
    void shouldCheckTheVariablesSentToATaskAlreadyCompleted() {
        instance = as("s01-off", () -> runtimeService.startProcessInstanceByKey("whistle-dispatch",
                StartVariables.whistle("S01", "GA", "NORMAL", "路灯不亮", "东华路 9 号")));
        Task report = taskService.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("agency-S01-GA")
                .singleResult();
        Http head = Http.as(port, "s01-ga-head");
        assertThat(head.postJson("/engine-rest/task/" + report.getId() + "/submit-form", Map.of("variables",
                Map.of("reportNote", Map.of("value", "已到场处置", "type", "String")))).status()).isEqualTo(204);
        // the engine reads the variables before it looks for the task: an empty type was a 500
        Http.Response late = head.postJson("/engine-rest/task/" + report.getId() + "/submit-form", Map.of("variables",
                Map.of("reportNote", Map.of("value", "已到场", "type", ""))));
        assertChineseRefusal(late, 400);
        Http.Response file = head.postJson("/engine-rest/task/" + report.getId() + "/complete", Map.of("variables",
                Map.of("reportNote", Map.of("value", "", "type", "File"))));
        assertChineseRefusal(file, 400);
    }

    @Test
    void shouldRefuseAWildcardContentTypeAndTrace() {
        Http admin = Http.as(port, "admin");
        for (String type : new String[] {"*/*", "application/*"}) {
            Http.Response wildcard = admin.sendBytes("POST", "/api/admin/process-migrations", type,
                    "{\"processDefinitionKey\":\"whistle-dispatch\",\"dryRun\":true}".getBytes(StandardCharsets.UTF_8));
            assertChineseRefusal(wildcard, 415);
        }
        Http.Response trace = admin.sendBytes("TRACE", "/api/copies", null, null);
        assertChineseRefusal(trace, 405);
        assertThat(trace.body()).doesNotContain("Authorization");
        // TRACE to an address Tomcat refuses, with a body: the address's refusal, in Chinese
        assertChineseRefusal(admin.sendBytes("TRACE", "/api/admin/org/people/x%00", "application/x-www-form-urlencoded",
                "variables=1".getBytes(StandardCharsets.UTF_8)), 400);
    }

    @Test
    void shouldRefuseNumbersThatAreNotFinite() {
        Http committee = Http.as(port, "s01-sec");
        long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(SuggestionProcess.KEY).count();
        for (Object notFinite : new Object[] {"NaN", "Infinity", "-1e309"}) {
            Http.Response refused = committee.postJson("/engine-rest/process-definition/key/street-suggestion/start",
                    Map.of("variables", Map.of("agencyCode", Map.of("value", "S01-GA", "type", "String"),
                            "action", Map.of("value", "REMOVE", "type", "String"),
                            "reason", Map.of("value", notFinite, "type", "Double"))));
            assertChineseRefusal(refused, 400);
        }
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(SuggestionProcess.KEY).count())
                .isEqualTo(before);
    }

    @Test
    void shouldRefuseAStartValueTooLongForItsColumn() {
        Http.Response tooLong = Http.as(port, "ga-off").postJson(
                "/engine-rest/process-definition/key/cadre-consultation/submit-form", Map.of("variables", Map.of(
                        "deptCode", Map.of("value", "GA"), "agencyCode", Map.of("value", "S01-GA"),
                        "action", Map.of("value", "APPOINT"), "candidateName", Map.of("value", "长".repeat(300)),
                        "positionTitle", Map.of("value", "东华派出所所长"), "positionLevel", Map.of("value", "SECTION"),
                        "reason", Map.of("value", "工作需要"))));
        assertChineseRefusal(tooLong, 400);
        assertThat(tooLong.json().get("message").asText()).contains("过长");
    }

    @Test
    void shouldRefuseDecisionDetailsTooLongForTheRecord() {
        instance = as("s01-sec", () -> runtimeService.startProcessInstanceByKey(SuggestionProcess.KEY, Map.of(
                "agencyCode", "S01-GA", "action", "REMOVE", "reason", "群众反映强烈")));
        Task answer = taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(SuggestionProcess.ANSWER).singleResult();
        Http.Response tooLong = Http.as(port, "ga-off").postJson("/engine-rest/task/" + answer.getId() + "/submit-form",
                Map.of("variables", Map.of(
                        "suggestionDecision", Map.of("value", "ACCEPT", "type", "String"),
                        "candidateName", Map.of("value", "长".repeat(3000), "type", "String"),
                        "positionTitle", Map.of("value", "长".repeat(3000), "type", "String"))));
        assertChineseRefusal(tooLong, 400);
        assertThat(taskService.createTaskQuery().taskId(answer.getId()).count()).isEqualTo(1);
    }

    private static void assertChineseRefusal(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("message").asText()).as(response.body()).containsPattern(HAN);
        assertThat(response.body()).doesNotContain("Exception:").doesNotContain("at org.").doesNotContain("<html");
    }
}
