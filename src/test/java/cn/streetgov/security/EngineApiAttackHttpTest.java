package cn.streetgov.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.common.ForbiddenException;
import cn.streetgov.foundation.SecurityProbe;
import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The attacks of the security review, replayed over HTTP against the running application as
 * ordinary demo officials and as the auditor. Each would succeed without the engine API guard,
 * the declared variables and the engine's own walls ({@code EngineGuardPlugin}).
 */
class EngineApiAttackHttpTest extends ProcessTestSupport {

    private static final String TOUCH = "${securityProbe.touch()}";
    private static final String OR_QUERY = "{\"orQueries\":[{\"assigneeExpression\":\"" + TOUCH + "\"}]}";

    @LocalServerPort
    int port;

    private ProcessInstance probe;
    private Task probeTask;
    private String groupFilterId;

    @BeforeEach
    void startProbeCase() {
        probe = SecurityProbe.startCase(repositoryService, runtimeService);
        probeTask = task(probe, SecurityProbe.TASK);
        Filter filter = engine.getFilterService().createFilterQuery().filterName("本单位待办").singleResult();
        groupFilterId = filter.getId();
    }

    // ---- 1. code execution through expressions, whatever the Content-Type ----

    @Test
    void expressionsInQueriesNeverReachTheEngineWhateverTheContentTypeOrCharset() {
        int before = SecurityProbe.TOUCHED.get();
        List<String> paths = List.of("/engine-rest/filter/" + groupFilterId + "/list",
                "/engine-rest/filter/" + groupFilterId + "/count",
                "/engine-rest/filter/" + groupFilterId + "/singleResult",
                "/engine-rest/task", "/engine-rest/task/count");
        for (String user : List.of("s01-off", "auditor")) {
            for (String path : paths) {
                for (Variant variant : VARIANTS) {
                    int status = raw(user, "POST", path, variant.contentType(), variant.encode(OR_QUERY));
                    assertThat(status).as(user + " " + path + " " + variant.contentType()).isIn(400, 415);
                }
            }
        }
        assertThat(SecurityProbe.TOUCHED.get()).as("expressions evaluated on the server").isEqualTo(before);
    }

    @Test
    void expressionsAreRefusedOnTheWebappsEngineApiToo() {
        int before = SecurityProbe.TOUCHED.get();
        Http session = Http.webappLogin(port, "s01-off", "tasklist");
        String base = "/camunda/api/engine/engine/default";
        for (Variant variant : VARIANTS) {
            for (String path : List.of(base + "/filter/" + groupFilterId + "/list", base + "/task")) {
                int status = session.sendBytes("POST", path, variant.contentType(), variant.encode(OR_QUERY)).status();
                assertThat(status).as(path + " " + variant.contentType()).isIn(400, 415);
            }
        }
        // escaped key names and deep nesting are found too
        assertThat(session.postJson(base + "/task", "{\"orQueries\":[{\"assignee\\u0045xpression\":\"" + TOUCH + "\"}]}")
                .status()).isEqualTo(400);
        assertThat(SecurityProbe.TOUCHED.get()).isEqualTo(before);
        // an ordinary Tasklist query still works (after a GET, as Tasklist does, for the new session's XSRF token)
        session.refreshXsrfToken();
        assertThat(session.postJson(base + "/filter/" + groupFilterId + "/list", Map.of()).status()).isEqualTo(200);
    }

    private record Variant(String contentType, Charset charset) {
        byte[] encode(String text) {
            return text.getBytes(charset);
        }
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("application/json", StandardCharsets.UTF_8),
            new Variant(null, StandardCharsets.UTF_8),
            new Variant("*/*", StandardCharsets.UTF_8),
            new Variant("application/*", StandardCharsets.UTF_8),
            new Variant("text/plain", StandardCharsets.UTF_8),
            new Variant("application/json;charset=IBM037", Charset.forName("IBM037")),
            new Variant("application/json; charset=UTF-16", StandardCharsets.UTF_16));

    // ---- 2. code execution through Object variables ----

    @Test
    void objectVariablesFromClientsAreRefusedAndNeverBuilt() {
        int before = SecurityProbe.TOUCHED.get();
        Map<String, Object> canary = Map.of("type", "Object", "value", "{\"armed\":true}", "valueInfo",
                Map.of("objectTypeName", SecurityProbe.Canary.class.getName(),
                        "serializationDataFormat", "application/json"));
        Http official = Http.as(port, "s01-off");
        assertThat(official.postJson("/engine-rest/task/" + probeTask.getId() + "/variables/payload", canary).status())
                .isEqualTo(403);
        Http.Response start = official.postJson("/engine-rest/process-definition/key/whistle-dispatch/start",
                Map.of("variables", Map.of("summary", canary)));
        assertThat(start.status()).isEqualTo(400);
        assertThat(start.json().get("message").asText()).contains("Object");
        official.get("/engine-rest/task/" + probeTask.getId() + "/variables");
        // an administrator may write one, but reading it back never builds the class
        Http admin = Http.as(port, "admin");
        assertThat(admin.putJson("/engine-rest/process-instance/" + probe.getId() + "/variables/payload", canary)
                .status()).isEqualTo(204);
        admin.get("/engine-rest/process-instance/" + probe.getId() + "/variables");
        admin.get("/engine-rest/process-instance/" + probe.getId() + "/variables/payload");
        admin.get("/engine-rest/task/" + probeTask.getId() + "/variables");
        assertThat(SecurityProbe.TOUCHED.get()).as("client-named class instantiated").isEqualTo(before);
    }

    // ---- 3. start options that skip the checks ----

    @Test
    void startOptionsThatChangeThePathAreForAdministratorsOnly() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("power-delegation").count();
        Http department = Http.as(port, "ga-off");
        Map<String, Object> instructions = Map.of("startInstructions",
                List.of(Map.of("type", "startBeforeActivity", "activityId", "serviceTask_publishCatalog")),
                "skipCustomListeners", true, "skipIoMappings", true,
                "variables", Map.of("deptCode", Map.of("value", "CGZF")));
        for (Map<String, ?> body : List.<Map<String, ?>>of(instructions,
                Map.of("startInstructions", List.of(Map.of("type", "startBeforeActivity",
                        "activityId", "serviceTask_publishCatalog"))),
                Map.of("skipCustomListeners", true), Map.of("skipIoMappings", true))) {
            Http.Response response = department.postJson(
                    "/engine-rest/process-definition/key/power-delegation/start", body);
            assertThat(response.status()).as(body.keySet().toString()).isEqualTo(403);
            assertThat(response.json().get("message").asText()).contains("仅限系统管理员");
        }
        Http session = Http.webappLogin(port, "ga-off", "tasklist");
        assertThat(session.postJson("/camunda/api/engine/engine/default/process-definition/key/power-delegation/start",
                instructions).status()).isEqualTo(403);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("power-delegation").count())
                .isEqualTo(before);
    }

    @Test
    void theEngineItselfRefusesAMidProcessStartByAnOfficial() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("power-delegation").count();
        identityService.setAuthentication("ga-off", List.of("dept-GA"));
        try {
            assertThatThrownBy(() -> runtimeService.createProcessInstanceByKey("power-delegation")
                    .startBeforeActivity("serviceTask_publishCatalog").execute(true, true))
                    .isInstanceOf(ForbiddenException.class).hasMessageContaining("仅限系统管理员");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("power-delegation").count())
                .isEqualTo(before);
    }

    @Test
    void noApiOptionSkipsTheWorkflowsListenersNotEvenForAnAdministrator() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(SecurityProbe.KEY).count();
        // (the engine refuses skip* at the default start itself; with start instructions it would obey)
        Http.Response response = Http.as(port, "admin").postJson("/engine-rest/process-definition/key/"
                + SecurityProbe.KEY + "/start", Map.of("skipCustomListeners", true, "skipIoMappings", true,
                "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "startEvent_probe")),
                "variables", Map.of("summary", Map.of("value", "invalid"))));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).isEqualTo("摘要无效");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SecurityProbe.KEY).count())
                .isEqualTo(before);
    }

    @Test
    void modificationMessagesSignalsAndConditionsAreForAdministratorsOnly() {
        long suggestions = runtimeService.createProcessInstanceQuery().processDefinitionKey("street-suggestion").count();
        Http committee = Http.as(port, "s01-sec");
        assertThat(committee.postJson("/engine-rest/message", Map.of("messageName", "street-suggestion",
                "processVariables", Map.of("agencyCode", Map.of("value", "S02-GA"), "action",
                        Map.of("value", "REMOVE"), "reason", Map.of("value", "越权")))).status()).isEqualTo(403);
        assertThat(committee.postJson("/engine-rest/signal", Map.of("name", "any")).status()).isEqualTo(403);
        assertThat(committee.postJson("/engine-rest/condition", Map.of("variables", Map.of())).status()).isEqualTo(403);
        Http official = Http.as(port, "s01-off");
        assertThat(official.postJson("/engine-rest/process-instance/" + probe.getId() + "/modification",
                Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", SecurityProbe.TASK))))
                .status()).isEqualTo(403);
        assertThat(official.delete("/engine-rest/process-instance/" + probe.getId()).status())
                .isEqualTo(403);
        assertThat(official.putJson("/engine-rest/task/" + probeTask.getId(), Map.of("name", "改"))
                .status()).isEqualTo(403);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("street-suggestion").count())
                .isEqualTo(suggestions);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(probe.getId()).count()).isOne();
        // the name the task was created with (its case and organisation, casework.TaskNames), not the attacker's
        assertThat(taskService.createTaskQuery().taskId(probeTask.getId()).singleResult().getName())
                .isEqualTo(probeTask.getName()).endsWith("探针任务");
    }

    // ---- 4. forged variables ----

    @Test
    void aStartCarriesOnlyTheDeclaredStartVariables() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("whistle-dispatch").count();
        Http office = Http.as(port, "s01-off");
        for (String forged : List.of("caseId", "caseNo", "outcome", "agencyCode", "somethingElse")) {
            Map<String, Object> variables = new java.util.HashMap<>(whistleStart());
            variables.put(forged, Map.of("value", "S02"));
            Http.Response response = office.postJson("/engine-rest/process-definition/key/whistle-dispatch/submit-form",
                    Map.of("variables", variables));
            assertThat(response.status()).as(forged).isEqualTo(400);
            assertThat(response.json().get("message").asText()).contains(forged);
        }
        assertThat(office.postJson("/engine-rest/process-definition/key/whistle-dispatch/start",
                Map.of("variables", whistleStart(), "businessKey", "CS-FORGED")).status()).isEqualTo(400);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("whistle-dispatch").count())
                .isEqualTo(before);
    }

    @Test
    void completingATaskCannotOverwriteTheCasesOwnVariables() {
        Http office = Http.as(port, "s01-off");
        Http.Response started = office.postJson("/engine-rest/process-definition/key/whistle-dispatch/submit-form",
                Map.of("variables", whistleStart()));
        assertThat(started.status()).isEqualTo(200);
        String instanceId = started.json().get("id").asText();
        Task report = taskService.createTaskQuery().processInstanceId(instanceId).taskCandidateGroup("agency-S01-GA")
                .singleResult();
        Object caseId = runtimeService.getVariable(instanceId, "caseId");
        Http agency = Http.as(port, "s01-ga-head");
        assertThat(agency.postJson("/engine-rest/task/" + report.getId() + "/claim", Map.of("userId", "s01-ga-head"))
                .status()).isEqualTo(204);
        for (String forged : List.of("deptCode", "orgCode", "caseId", "agencyCode", "outcome")) {
            Http.Response response = agency.postJson("/engine-rest/task/" + report.getId() + "/submit-form",
                    Map.of("variables", Map.of("reportNote", Map.of("value", "已到场"),
                            forged, Map.of("value", "S02"))));
            assertThat(response.status()).as(forged).isEqualTo(400);
            assertThat(response.json().get("message").asText()).contains(forged).contains("reportNote");
            assertThat(agency.postJson("/engine-rest/task/" + report.getId() + "/complete",
                    Map.of("variables", Map.of(forged, Map.of("value", "S02")))).status()).isEqualTo(400);
        }
        assertThat(taskService.createTaskQuery().taskId(report.getId()).count()).isOne();
        assertThat(runtimeService.getVariable(instanceId, "orgCode")).isEqualTo("S01");
        assertThat(runtimeService.getVariable(instanceId, "caseId")).isEqualTo(caseId);
        // the declared input alone is accepted
        assertThat(agency.postJson("/engine-rest/task/" + report.getId() + "/submit-form",
                Map.of("variables", Map.of("reportNote", Map.of("value", "民警已到场")))).status()).isEqualTo(204);
        runtimeService.deleteProcessInstance(instanceId, "测试结束");
    }

    private static Map<String, Object> whistleStart() {
        return Map.of("orgCode", Map.of("value", "S01"), "summary", Map.of("value", "占道经营"),
                "location", Map.of("value", "东华路 1 号"), "urgency", Map.of("value", "NORMAL"),
                "deptCodes", Map.of("value", "[\"GA\"]", "type", "Json"));
    }

    // ---- 5. claiming for someone else ----

    @Test
    void officialsClaimOnlyForThemselves() {
        Http s01 = Http.as(port, "s01-off");
        for (String path : List.of("/claim", "/assignee")) {
            Http.Response response = s01.postJson("/engine-rest/task/" + probeTask.getId() + path,
                    Map.of("userId", "s02-off"));
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.json().get("message").asText()).contains("本人");
        }
        Http session = Http.webappLogin(port, "s01-off", "tasklist");
        assertThat(session.postJson("/camunda/api/engine/engine/default/task/" + probeTask.getId() + "/claim",
                Map.of("userId", "s02-off")).status()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(probeTask.getId()).singleResult().getAssignee()).isNull();
        assertThat(s01.postJson("/engine-rest/task/" + probeTask.getId() + "/claim", Map.of("userId", "s01-off"))
                .status()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(probeTask.getId()).singleResult().getAssignee())
                .isEqualTo("s01-off");
    }

    // ---- 6. writes by auditors and officials outside their work ----

    @Test
    void nobodyButAdministratorsWritesCommentsAttachmentsOrUserAccounts() {
        for (String user : List.of("auditor", "s01-off")) {
            Http http = Http.as(port, user);
            assertThat(http.postJson("/engine-rest/task/" + probeTask.getId() + "/comment/create",
                    Map.of("message", "<script>x</script>")).status()).as(user).isEqualTo(403);
            assertThat(http.postJson("/engine-rest/process-instance/" + probe.getId() + "/comment/create",
                    Map.of("message", "x")).status()).as(user).isEqualTo(403);
            assertThat(http.postMultipart("/engine-rest/task/" + probeTask.getId() + "/attachment/create",
                    "url", "x.html", "javascript:alert(1)").status()).as(user).isEqualTo(403);
            assertThat(http.putJson("/engine-rest/user/" + user + "/profile",
                    Map.of("id", user, "firstName", "改", "lastName", "名")).status()).as(user).isEqualTo(403);
            assertThat(http.delete("/engine-rest/user/" + user).status()).as(user).isEqualTo(403);
        }
        Http session = Http.webappLogin(port, "auditor", "cockpit");
        assertThat(session.postJson("/camunda/api/engine/engine/default/task/" + probeTask.getId() + "/comment/create",
                Map.of("message", "x")).status()).isEqualTo(403);
        assertThat(taskService.getTaskComments(probeTask.getId())).isEmpty();
        assertThat(taskService.getTaskAttachments(probeTask.getId())).isEmpty();
        assertThat(identityService.createUserQuery().userId("auditor").singleResult().getFirstName()).isNotEqualTo("改");
        assertThat(identityService.createUserQuery().userId("s01-off").count()).isOne();
    }

    // ---- the closed world keeps what officials need ----

    @Test
    void readsAndTasklistCallsStillWorkAndTrickPathsAreRefused() {
        Http s01 = Http.as(port, "s01-off");
        for (String path : List.of("/engine-rest/task?processInstanceId=" + probe.getId(), "/engine-rest/filter",
                "/engine-rest/process-definition?latestVersion=true", "/engine-rest/task/" + probeTask.getId(),
                "/engine-rest/task/" + probeTask.getId() + "/form-variables",
                "/engine-rest/task/" + probeTask.getId() + "/identity-links", "/engine-rest/user/s01-off/profile",
                "/engine-rest/version")) {
            assertThat(s01.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(s01.postJson("/engine-rest/filter/" + groupFilterId + "/count", Map.of()).status()).isEqualTo(200);
        assertThat(Http.as(port, "auditor").postJson("/engine-rest/history/task",
                Map.of("processInstanceId", probe.getId())).json()).hasSize(1);
        assertThat(s01.postJson("/engine-rest/task/" + probeTask.getId() + ";x=y/complete", Map.of()).status())
                .isEqualTo(400);
        assertThat(s01.get("/engine-rest/schema/log").status()).isEqualTo(403);
        assertThat(s01.postJson("/engine-rest/process-instance/delete", Map.of("processInstanceIds",
                List.of(probe.getId()))).status()).isEqualTo(403);
        assertThat(s01.postJson("/engine-rest/task/" + probeTask.getId() + "/variables",
                Map.of("modifications", Map.of("x", Map.of("value", "1")))).status()).isEqualTo(403);
        JsonNode count = s01.get("/engine-rest/task/count?processInstanceId=" + probe.getId()).json();
        assertThat(count.get("count").asInt()).isOne();
    }

    private int raw(String user, String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        try {
            return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
