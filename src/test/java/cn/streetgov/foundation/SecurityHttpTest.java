package cn.streetgov.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Security over HTTP: logins, task isolation between organisations, and the hardening of Camunda CE. */
class SecurityHttpTest extends ProcessTestSupport {

    @LocalServerPort
    int port;

    private ProcessInstance probe;
    private Task probeTask;

    @BeforeEach
    void startProbeCase() {
        probe = SecurityProbe.startCase(repositoryService, runtimeService);
        probeTask = task(probe, SecurityProbe.TASK);
    }

    @Test
    void anonymousCallsToTheEngineApiAreRefused() {
        assertThat(Http.anonymous(port).get("/engine-rest/task").status()).isEqualTo(401);
        // (a wrong password of a real user would lock that user for a few seconds: Camunda's login throttling)
        assertThat(Http.as(port, "nobody", "demo").get("/engine-rest/task").status()).isEqualTo(401);
    }

    @Test
    void anOfficialSeesAndCompletesTheTasksOfTheirOwnOrganisation() {
        Http s01 = Http.as(port, "s01-off");
        JsonNode tasks = s01.get("/engine-rest/task?processInstanceId=" + probe.getId()).json();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("id").asText()).isEqualTo(probeTask.getId());
        assertThat(s01.get("/engine-rest/task/" + probeTask.getId()).status()).isEqualTo(200);
        assertThat(s01.postJson("/engine-rest/task/" + probeTask.getId() + "/claim", Map.of("userId", "s01-off"))
                .status()).isEqualTo(204);
        assertThat(s01.postJson("/engine-rest/task/" + probeTask.getId() + "/complete", Map.of("variables", Map.of()))
                .status()).isEqualTo(204);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(probe.getId()).count()).isZero();
    }

    @Test
    void anotherStreetCanNeitherListReadClaimNorCompleteTheTask() {
        Http s02 = Http.as(port, "s02-off");
        assertThat(s02.get("/engine-rest/task?processInstanceId=" + probe.getId()).json()).isEmpty();
        assertThat(s02.get("/engine-rest/task/count?processInstanceId=" + probe.getId()).json().get("count").asInt())
                .isZero();
        assertThat(s02.get("/engine-rest/task/" + probeTask.getId()).status()).isIn(403, 404);
        assertThat(s02.get("/engine-rest/task/" + probeTask.getId() + "/variables").status()).isIn(403, 404);
        assertThat(s02.postJson("/engine-rest/task/" + probeTask.getId() + "/claim", Map.of("userId", "s02-off"))
                .status()).isIn(403, 404);
        assertThat(s02.postJson("/engine-rest/task/" + probeTask.getId() + "/complete", Map.of("variables", Map.of()))
                .status()).isIn(403, 404);
        assertThat(taskService.createTaskQuery().taskId(probeTask.getId()).singleResult().getAssignee()).isNull();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(probe.getId()).count()).isOne();
    }

    @Test
    void auditorsReadEveryTaskButWriteNothing() {
        Http auditor = Http.as(port, "auditor");
        assertThat(auditor.get("/engine-rest/task?processInstanceId=" + probe.getId()).json()).hasSize(1);
        assertThat(auditor.get("/engine-rest/task/" + probeTask.getId() + "/variables").status()).isEqualTo(200);
        assertThat(auditor.get("/engine-rest/history/process-instance?processInstanceId=" + probe.getId()).json())
                .hasSize(1);
        assertThat(auditor.postJson("/engine-rest/task/" + probeTask.getId() + "/claim", Map.of("userId", "auditor"))
                .status()).isEqualTo(403);
        assertThat(auditor.postJson("/engine-rest/task/" + probeTask.getId() + "/complete", Map.of("variables", Map.of()))
                .status()).isEqualTo(403);
        assertThat(auditor.putJson("/engine-rest/process-instance/" + probe.getId() + "/variables/x",
                Map.of("value", "改", "type", "String")).status()).isEqualTo(403);
        assertThat(auditor.postJson("/engine-rest/process-definition/key/whistle-dispatch/start", Map.of()).status())
                .isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(probeTask.getId()).singleResult().getAssignee()).isNull();
        assertThat(runtimeService.getVariable(probe.getId(), "x")).isNull();
    }

    @Test
    void tasklistFiltersShowOnlyTheUsersOwnGroupTasks() {
        Filter groupFilter = engine.getFilterService().createFilterQuery().filterName("本单位待办").singleResult();
        assertThat(groupFilter).isNotNull();
        JsonNode s01 = Http.as(port, "s01-off").postJson("/engine-rest/filter/" + groupFilter.getId() + "/list",
                Map.of("processInstanceId", probe.getId())).json();
        JsonNode s02 = Http.as(port, "s02-off").postJson("/engine-rest/filter/" + groupFilter.getId() + "/list",
                Map.of("processInstanceId", probe.getId())).json();
        assertThat(s01).hasSize(1);
        assertThat(s02).isEmpty();
    }

    @Test
    void aStreetCommitteeMemberLogsInToTasklistAndListsTasks() {
        Http session = Http.webappLogin(port, "s01-sec", "tasklist");
        Http.Response tasks = session.get("/camunda/api/engine/engine/default/task");
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.json().isArray()).isTrue();
        Http.Response viaRest = Http.as(port, "s01-sec").get("/engine-rest/task");
        assertThat(viaRest.status()).isEqualTo(200);
    }

    @Test
    void webappLoginWithoutTheXsrfHeaderIsRefused() {
        Http http = Http.anonymous(port);
        http.get("/camunda/app/tasklist/");
        Http.Response login = http.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
                Map.of("username", "s01-sec", "password", "demo"));
        assertThat(login.status()).isEqualTo(403);
    }

    @Test
    void expressionsInTaskQueriesAreRejected() {
        Http s01 = Http.as(port, "s01-off");
        assertThat(s01.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D").status()).isEqualTo(400);
        Http.Response orQuery = s01.postJson("/engine-rest/task",
                "{\"orQueries\":[{\"assigneeExpression\":\"${securityProbe.validate('invalid')}\"}]}");
        assertThat(orQuery.status()).isEqualTo(400);
        assertThat(orQuery.json().get("message").asText()).contains("assigneeExpression");
        assertThat(s01.postJson("/engine-rest/task/count",
                Map.of("orQueries", List.of(Map.of("candidateGroupsExpression", "${1}")))).status()).isEqualTo(400);
        Filter filter = engine.getFilterService().createFilterQuery().filterName("我的待办").singleResult();
        assertThat(s01.postJson("/engine-rest/filter/" + filter.getId() + "/list",
                Map.of("orQueries", List.of(Map.of("dueDateExpression", "${now()}")))).status()).isEqualTo(400);
        // the webapps' engine API is guarded the same way
        Http session = Http.webappLogin(port, "s01-off", "tasklist");
        assertThat(session.postJson("/camunda/api/engine/engine/default/task",
                Map.of("orQueries", List.of(Map.of("assigneeExpression", "${1}")))).status()).isEqualTo(400);
        // an ordinary query still works
        assertThat(s01.postJson("/engine-rest/task", Map.of("processInstanceId", probe.getId())).status())
                .isEqualTo(200);
    }

    @Test
    void theAdminInitialSetupIsClosedEvenWithoutAnyAdministrator() {
        identityService.deleteMembership("admin", "camunda-admin");
        try {
            Http.Response setup = Http.anonymous(port).postJson("/camunda/api/admin/setup/default/user/create",
                    Map.of("profile", Map.of("id", "intruder", "firstName", "x", "lastName", "y"),
                            "credentials", Map.of("password", "intruder1")));
            assertThat(setup.status()).isEqualTo(403);
            assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
        } finally {
            identityService.createMembership("admin", "camunda-admin");
        }
    }

    @Test
    void onlyAdministratorsMayDeploy() {
        String bpmn = org.camunda.bpm.model.bpmn.Bpmn.convertToString(SecurityProbe.model());
        Http.Response official = Http.as(port, "s01-off").postMultipart("/engine-rest/deployment/create",
                "probe.bpmn", "probe.bpmn", bpmn);
        assertThat(official.status()).isEqualTo(403);
        Http.Response auditor = Http.as(port, "auditor").postMultipart("/engine-rest/deployment/create",
                "probe.bpmn", "probe.bpmn", bpmn);
        assertThat(auditor.status()).isEqualTo(403);
        Http.Response admin = Http.as(port, "admin").postMultipart("/engine-rest/deployment/create",
                "probe.bpmn", "probe.bpmn", bpmn);
        assertThat(admin.status()).isEqualTo(200);
        repositoryService.deleteDeployment(admin.json().get("id").asText(), true);
    }

    @Test
    void javaSerializedVariablesAreRefused() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.isJavaSerializationFormatEnabled()).isFalse();
        Http.Response response = Http.as(port, "s01-off").postJson(
                "/engine-rest/task/" + probeTask.getId() + "/variables/payload",
                Map.of("type", "Object", "value", "rO0ABXQABGRlbW8=", "valueInfo",
                        Map.of("objectTypeName", "java.lang.String",
                                "serializationDataFormat", "application/x-java-serialized-object")));
        assertThat(response.status()).isBetween(400, 599).isNotEqualTo(401);
        assertThat(runtimeService.getVariable(probe.getId(), "payload")).isNull();
    }

    @Test
    void invalidStartInputIsA400WithTheReasonAndLeavesNothingBehind() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(SecurityProbe.KEY).count();
        Http.Response response = Http.as(port, "admin").postJson("/engine-rest/process-definition/key/"
                + SecurityProbe.KEY + "/start", Map.of("variables", Map.of("summary", Map.of("value", "invalid"))));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).isEqualTo("摘要无效");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SecurityProbe.KEY).count())
                .isEqualTo(before);
    }

    @Test
    void onlyTheCatalogAndHealthArePublic() {
        Http anonymous = Http.anonymous(port);
        Http.Response health = anonymous.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("components").has("db")).isTrue();
        assertThat(health.json().get("components").has("processEngine")).isTrue();
        assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(Http.as(port, "s01-off").get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(Http.as(port, "admin").get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/audit/" + probe.getId()).status()).isEqualTo(401);
        assertThat(anonymous.get("/camunda/api/engine/engine/default/task").status()).isIn(401, 403);
    }
}
