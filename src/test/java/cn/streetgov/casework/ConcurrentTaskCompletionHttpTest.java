package cn.streetgov.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.audit.AuditEventType;
import cn.streetgov.audit.AuditRecord;
import cn.streetgov.audit.AuditTrail;
import cn.streetgov.common.RacePoints;
import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import cn.streetgov.test.Race;
import cn.streetgov.test.StartVariables;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two officials of the same street office complete the same (unclaimed) task at once, over
 * /engine-rest and over Tasklist's engine API: one succeeds, the other is told in Chinese, with
 * 409, that someone else has dealt with the task — whether it lost the race inside the engine
 * (optimistic locking) or arrived after the other's commit (the task no longer exists). The case
 * has one decision and one audit record of the step.
 */
class ConcurrentTaskCompletionHttpTest extends ProcessTestSupport {

    private static final String PASSWORD = "Race-Test-Pa55word!";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditTrail auditTrail;

    private String colleague;
    private ProcessInstance instance;

    @BeforeEach
    void secondOfficialInTheStreetOffice() {
        colleague = "race-" + UUID.randomUUID().toString().substring(0, 8);
        Http admin = Http.as(port, "admin");
        Http.Response person = admin.postJson("/api/admin/org/people",
                Map.of("username", colleague, "familyName", "赵", "givenName", "并发"));
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        Http.Response post = admin.postJson("/api/admin/org/people/" + colleague + "/posts",
                Map.of("role", "STREET_OFFICE", "unitCode", "S01", "title", "东华街道办事处工作人员"));
        assertThat(post.status()).as(post.body()).isEqualTo(201);
        User user = identityService.createUserQuery().userId(colleague).singleResult();
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
    }

    @AfterEach
    void cleanUp() {
        if (instance != null && runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
            runtimeService.deleteProcessInstance(instance.getId(), "test clean-up", true, true);
        }
        Http admin = Http.as(port, "admin");
        long version = admin.get("/api/admin/org/people/" + colleague).json().path("version").asLong();
        admin.postJson("/api/admin/org/people/" + colleague + "/deactivate", Map.of("version", version));
    }

    @Test
    void shouldLetOneOfTwoSimultaneousCompletionsWinAndTellTheOther() {
        Task task = capacityTaskOfS01();
        Http first = Http.as(port, "s01-off");
        Http second = Http.as(port, colleague, PASSWORD);

        List<Race.Outcome<Http.Response>> answers;
        // both have read the task before either takes its turn on the case
        try (var meeting = RacePoints.onReach(AuditTrail.RACE_CASE_COMMAND, Race.meetingOfTwo())) {
            answers = Race.twoAtOnce(
                    () -> first.postJson("/engine-rest/task/" + task.getId() + "/complete", accept("同意承接")),
                    () -> second.postJson("/engine-rest/task/" + task.getId() + "/complete", accept("同意承接")));
        }

        assertOneWonAndTheOtherWasToldInChinese(answers);
        assertOneDecisionAndOneAuditRecord(task);
    }

    @Test
    void shouldTellTheOfficialWhoCompletesATaskAnotherHasJustCompleted() {
        Task task = capacityTaskOfS01();
        Http.Response done = Http.as(port, "s01-off").postJson("/engine-rest/task/" + task.getId() + "/complete",
                accept("同意承接"));
        assertThat(done.status()).as(done.body()).isEqualTo(204);

        Http.Response late = Http.as(port, colleague, PASSWORD).postJson("/engine-rest/task/" + task.getId() + "/complete",
                accept("同意承接"));
        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(late.json().get("message").asText()).contains("已被他人处理");
        Http.Response lateForm = Http.webappLogin(port, "s01-off", "tasklist").postJson(
                "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form", accept("同意承接"));
        assertThat(lateForm.status()).as(lateForm.body()).isEqualTo(409);
        assertThat(lateForm.json().get("message").asText()).contains("已被他人处理");
        assertOneDecisionAndOneAuditRecord(task);

        // a task that never existed stays 404
        Http.Response unknown = Http.as(port, "s01-off").postJson("/engine-rest/task/" + UUID.randomUUID() + "/complete",
                accept("同意承接"));
        assertThat(unknown.status()).as(unknown.body()).isIn(400, 404);
    }

    @Test
    void shouldAnswerTasklistsSubmitFormsAtOnceTheSameWay() {
        Task task = capacityTaskOfS01();
        Http first = Http.webappLogin(port, "s01-off", "tasklist");
        Http second = Http.as(port, colleague, PASSWORD);
        String path = "/task/" + task.getId() + "/submit-form";

        List<Race.Outcome<Http.Response>> answers;
        try (var meeting = RacePoints.onReach(AuditTrail.RACE_CASE_COMMAND, Race.meetingOfTwo())) {
            answers = Race.twoAtOnce(
                    () -> first.postJson("/camunda/api/engine/engine/default" + path, accept("同意承接")),
                    () -> second.postJson("/engine-rest" + path, accept("同意承接")));
        }

        assertOneWonAndTheOtherWasToldInChinese(answers);
        assertOneDecisionAndOneAuditRecord(task);
    }

    private void assertOneWonAndTheOtherWasToldInChinese(List<Race.Outcome<Http.Response>> answers) {
        assertThat(answers).allMatch(Race.Outcome::succeeded);
        List<Http.Response> responses = answers.stream().map(Race.Outcome::result).toList();
        assertThat(responses).extracting(Http.Response::status).as(responses.toString()).containsExactlyInAnyOrder(204, 409);
        Http.Response refused = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(refused.json().get("message").asText()).contains("已被他人处理").doesNotContain("Exception");
    }

    private void assertOneDecisionAndOneAuditRecord(Task task) {
        assertThat(jdbc.queryForObject("select count(*) from case_decision where task_id = ? and entry_type = 'DECISION'",
                Long.class, task.getId())).isEqualTo(1);
        assertThat(auditTrail.trail(instance.getId())).filteredOn(r -> r.getEventType() == AuditEventType.TASK_COMPLETED)
                .extracting(AuditRecord::getTaskId).containsExactly(task.getId());
        assertThat(auditTrail.verify(instance.getId()).intact()).isTrue();
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(PowerDelegationProcess.REVIEW_CAPACITY).taskCandidateGroup("street-office-S01").count())
                .isZero();
    }

    private Task capacityTaskOfS01() {
        jdbc.update("update dlg_delegated_power set status = 'REVOKED' where status = 'ACTIVE'");
        instance = as("cgzf-off", () -> runtimeService.startProcessInstanceByKey(PowerDelegationProcess.KEY,
                StartVariables.delegation("CGZF", "CGZF-XK-001", "S01,S02")));
        return taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(PowerDelegationProcess.REVIEW_CAPACITY).taskCandidateGroup("street-office-S01")
                .singleResult();
    }

    private static Map<String, Object> accept(String comment) {
        return Map.of("variables", Map.of(
                PowerDelegationProcess.Vars.CAPACITY_DECISION, Map.of("value", "ACCEPT", "type", "String"),
                PowerDelegationProcess.Vars.CAPACITY_COMMENT, Map.of("value", comment, "type", "String")));
    }
}
