package cn.streetgov.admin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.audit.AuditEventType;
import cn.streetgov.audit.AuditRecord;
import cn.streetgov.audit.AuditTrail;
import cn.streetgov.test.Http;
import cn.streetgov.test.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Moving running cases to a new version over {@code POST /api/admin/process-migrations}: version 2 of
 * a process adds a step after the first one and drops a later one. A case at the first step moves
 * and goes on into the added step, with an audit record; a case waiting in the dropped step is
 * reported in Chinese and stays; a dry run moves nothing; only administrators may call it.
 */
@IntegrationTest
class ProcessMigrationHttpTest {

    private static final String KEY = "migration-probe";
    private static final String API = "/api/admin/process-migrations";

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    AuditTrail audit;

    private final List<String> deployments = new ArrayList<>();
    private ProcessDefinition v1;
    private ProcessDefinition v2;

    @BeforeEach
    void deployTwoVersions() {
        v1 = deploy(Bpmn.createExecutableProcess(KEY).name("迁移探针").camundaHistoryTimeToLive(1)
                .startEvent("startEvent_probe")
                .userTask("userTask_first").name("第一步").camundaCandidateGroups("street-office-S01")
                .userTask("userTask_dropped").name("旧版第二步").camundaCandidateGroups("street-office-S01")
                .endEvent("endEvent_probe").done());
    }

    @AfterEach
    void removeTheProbe() {
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void shouldMoveACaseToTheNewVersionWhereItGoesOnIntoTheAddedStep() {
        ProcessInstance atFirst = start();
        ProcessInstance atDropped = start();
        completeTask(atDropped, "userTask_first");
        deployVersion2();

        Http.Response response = admin().postJson(API, Map.of("processDefinitionKey", KEY, "fromVersion", v1.getVersion()));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.path("toVersion").asInt()).isEqualTo(v2.getVersion());
        assertThat(result.path("dryRun").asBoolean()).isFalse();
        assertThat(ids(result.path("migrated"))).containsExactly(atFirst.getId());
        assertThat(result.path("migrated").get(0).path("waitingAt").get(0).asText()).isEqualTo("第一步");
        assertThat(ids(result.path("notMigrated"))).containsExactly(atDropped.getId());
        assertThat(result.path("notMigrated").get(0).path("reasons").get(0).asText())
                .contains("旧版第二步").contains("新版本中没有这个环节");
        assertThat(result.path("message").asText()).contains("已迁移 1 个案件").contains("1 个案件无法迁移");

        assertThat(definitionOf(atFirst)).isEqualTo(v2.getId());
        assertThat(definitionOf(atDropped)).isEqualTo(v1.getId());
        completeTask(atFirst, "userTask_first");
        assertThat(taskService.createTaskQuery().processInstanceId(atFirst.getId()).singleResult()
                .getTaskDefinitionKey()).isEqualTo("userTask_added");

        List<AuditRecord> migrations = audit.trail(atFirst.getId()).stream()
                .filter(r -> r.getEventType() == AuditEventType.MIGRATION).toList();
        assertThat(migrations).singleElement().satisfies(r -> {
            assertThat(r.getActorId()).isEqualTo("admin");
            assertThat(r.getComment()).isEqualTo("由第 " + v1.getVersion() + " 版迁移到第 " + v2.getVersion() + " 版");
        });
        assertThat(audit.verify(atFirst.getId()).intact()).isTrue();
        assertThat(audit.trail(atDropped.getId())).noneMatch(r -> r.getEventType() == AuditEventType.MIGRATION);
    }

    @Test
    void shouldMoveNothingOnADryRunButSayWhatWouldMove() {
        ProcessInstance atFirst = start();
        deployVersion2();

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("processDefinitionKey", KEY);
        body.put("fromVersion", v1.getVersion());
        body.put("toVersion", v2.getVersion());
        body.put("dryRun", true);
        Http.Response response = admin().postJson(API, body);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(ids(response.json().path("migrated"))).containsExactly(atFirst.getId());
        assertThat(response.json().path("message").asText()).startsWith("试运行").contains("可迁移 1 个案件");
        assertThat(definitionOf(atFirst)).isEqualTo(v1.getId());
        assertThat(audit.trail(atFirst.getId())).noneMatch(r -> r.getEventType() == AuditEventType.MIGRATION);
    }

    @Test
    void shouldRefuseEveryoneButAdministrators() {
        ProcessInstance atFirst = start();
        deployVersion2();

        for (String user : List.of("s01-off", "auditor")) {
            Http.Response response = Http.as(port, user).postJson(API,
                    Map.of("processDefinitionKey", KEY, "fromVersion", v1.getVersion()));
            assertThat(response.status()).as(user).isEqualTo(403);
            assertThat(response.json().path("message").asText()).contains("仅限系统管理员");
        }
        assertThat(Http.anonymous(port).postJson(API, Map.of("processDefinitionKey", KEY, "fromVersion", 1)).status())
                .isEqualTo(401);
        assertThat(definitionOf(atFirst)).isEqualTo(v1.getId());
    }

    @Test
    void shouldAnswerInChineseWhenTheVersionDoesNotExistOrIsTheSame() {
        Http.Response missing = admin().postJson(API, Map.of("processDefinitionKey", KEY, "fromVersion", 999));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("message").asText()).contains("没有第 999 版");

        // a version below 1 is refused with the reason (the engine's own check answered 500)
        for (Map<String, Object> body : java.util.List.<Map<String, Object>>of(
                Map.of("processDefinitionKey", KEY, "fromVersion", -2026, "dryRun", true),
                Map.of("processDefinitionKey", KEY, "fromVersion", 0),
                Map.of("processDefinitionKey", KEY, "fromVersion", v1.getVersion(), "toVersion", -1))) {
            Http.Response negative = admin().postJson(API, body);
            assertThat(negative.status()).as(body.toString()).isEqualTo(400);
            assertThat(negative.json().path("message").asText()).contains("版本号应为正整数");
        }

        Http.Response same = admin().postJson(API, Map.of("processDefinitionKey", KEY, "fromVersion", v1.getVersion()));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.json().path("message").asText()).contains("无需迁移");
    }

    private void deployVersion2() {
        v2 = deploy(Bpmn.createExecutableProcess(KEY).name("迁移探针").camundaHistoryTimeToLive(1)
                .startEvent("startEvent_probe")
                .userTask("userTask_first").name("第一步").camundaCandidateGroups("street-office-S01")
                .userTask("userTask_added").name("新增的一步").camundaCandidateGroups("street-office-S01")
                .endEvent("endEvent_probe").done());
        assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);
    }

    private ProcessDefinition deploy(BpmnModelInstance model) {
        String id = repositoryService.createDeployment().name("migration-probe-" + System.nanoTime())
                .addModelInstance(KEY + ".bpmn", model).deploy().getId();
        deployments.add(id);
        return repositoryService.createProcessDefinitionQuery().deploymentId(id).singleResult();
    }

    private ProcessInstance start() {
        return runtimeService.startProcessInstanceByKey(KEY, "MIG-" + System.nanoTime());
    }

    private void completeTask(ProcessInstance instance, String taskKey) {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult();
        taskService.complete(task.getId());
    }

    private String definitionOf(ProcessInstance instance) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getProcessDefinitionId();
    }

    private Http admin() {
        return Http.as(port, "admin");
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.path("processInstanceId").asText()));
        return ids;
    }
}
