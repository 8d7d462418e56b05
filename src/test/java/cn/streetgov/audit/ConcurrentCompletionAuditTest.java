package cn.streetgov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.common.RacePoints;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import cn.streetgov.test.Race;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two officials complete two tasks of the same case at the same moment, each over its own HTTP
 * connection (the parallel capacity reviews of two streets in one delegation case): both are
 * recorded, and the case's audit chain is intact afterwards.
 */
class ConcurrentCompletionAuditTest extends ProcessTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail auditTrail;
    @Autowired
    JdbcTemplate jdbc;

    private ProcessInstance instance;

    @AfterEach
    void cleanUp() {
        if (instance != null && runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
            runtimeService.deleteProcessInstance(instance.getId(), "test clean-up", true, true);
        }
    }

    @Test
    void shouldRecordBothOfTwoTasksOfOneCaseCompletedAtOnce() {
        jdbc.update("update dlg_delegated_power set status = 'REVOKED' where status = 'ACTIVE'");
        instance = as("cgzf-off", () -> runtimeService.startProcessInstanceByKey(PowerDelegationProcess.KEY,
                proposal("CGZF-XK-001", "S01,S02")));
        Task s01 = capacityTask("S01");
        Task s02 = capacityTask("S02");
        Http s01Office = Http.as(port, "s01-off");
        Http s02Office = Http.as(port, "s02-off");
        assertThat(s01Office.postJson("/engine-rest/task/" + s01.getId() + "/claim", Map.of("userId", "s01-off")).status())
                .isEqualTo(204);
        assertThat(s02Office.postJson("/engine-rest/task/" + s02.getId() + "/claim", Map.of("userId", "s02-off")).status())
                .isEqualTo(204);

        List<Race.Outcome<Http.Response>> answers;
        // both completions have started before either takes its turn on the case
        try (var meeting = RacePoints.onReach(AuditTrail.RACE_CASE_COMMAND, Race.meetingOfTwo())) {
            answers = Race.twoAtOnce(
                    () -> s01Office.postJson("/engine-rest/task/" + s01.getId() + "/complete", accept()),
                    () -> s02Office.postJson("/engine-rest/task/" + s02.getId() + "/complete", accept()));
        }

        assertThat(answers).extracting(a -> a.result().status() + " " + a.result().body())
                .containsExactly("204 ", "204 ");
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(PowerDelegationProcess.CONFIRM_STAFFING).count()).isEqualTo(1);
        assertThat(auditTrail.trail(instance.getId())).filteredOn(r -> r.getEventType() == AuditEventType.TASK_COMPLETED)
                .extracting(AuditRecord::getActorId).containsExactlyInAnyOrder("s01-off", "s02-off");
        assertThat(auditTrail.verify(instance.getId()).intact()).isTrue();
    }

    private Task capacityTask(String org) {
        return taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(PowerDelegationProcess.REVIEW_CAPACITY).taskCandidateGroup("street-office-" + org)
                .singleResult();
    }

    private static Map<String, Object> accept() {
        return Map.of("variables", Map.of(Vars.CAPACITY_DECISION, Map.of("value", "ACCEPT", "type", "String")));
    }

    private static Map<String, Object> proposal(String item, String targets) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.DEPT_CODE, "CGZF");
        vars.put(Vars.POWER_ITEM_CODES, item);
        vars.put(Vars.TARGET_ORG_CODES, targets);
        vars.put(Vars.DELEGATION_METHOD, "DEVOLVE");
        vars.put(Vars.LEGAL_BASIS, "《城市道路管理条例》");
        vars.put(Vars.REASON, "直接面向群众，由街道承担更方便有效");
        vars.put(Vars.STAFFING_TRANSFER, 1);
        vars.put(Vars.EFFECTIVE_DATE, CaseClock.today().toString());
        return vars;
    }
}
