package cn.streetgov.delegation.process;

import static cn.streetgov.delegation.process.PowerDelegationProcess.CONFIRM_STAFFING;
import static cn.streetgov.delegation.process.PowerDelegationProcess.DECIDE_DELEGATION;
import static cn.streetgov.delegation.process.PowerDelegationProcess.REVIEW_CAPACITY;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.common.RacePoints;
import cn.streetgov.delegation.domain.DelegatedPower;
import cn.streetgov.delegation.domain.PowerRevocations;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import cn.streetgov.test.Http;
import cn.streetgov.test.Race;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two revocations of the same delegated power, decided at the same moment over /engine-rest: the
 * power row is one aggregate updated by two cases, so one decision wins and the other is answered
 * 409 with a Chinese reason (never a lost update, never a 500), and goes through when retried.
 */
class ConcurrentRevocationTest extends CatalogTestSupport {

    private static final String ITEM = "CGZF-XK-001";
    private static final String ORG = "S03";

    @LocalServerPort
    int port;

    @Test
    void shouldAnswer409ToTheLoserOfTwoConcurrentRevocationsOfOnePower() {
        publish();
        Long powerId = catalog.activePower(ITEM, ORG).orElseThrow().getId();
        Task first = revocationTask("街道承接后办件质量不高");
        Task second = revocationTask("试行期结束");
        Http govt = Http.as(port, "govt");
        for (Task task : List.of(first, second)) {
            assertThat(govt.postJson("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "govt")).status())
                    .isEqualTo(204);
        }

        List<Race.Outcome<Http.Response>> answers;
        // both decisions have read the power (in force, version 0) before either takes it out
        try (var meeting = RacePoints.onReach(PowerRevocations.RACE_REVOCATION, Race.meetingOfTwo())) {
            answers = Race.twoAtOnce(() -> approve(first), () -> approve(second));
        }

        assertThat(answers).extracting(a -> a.result().status()).containsExactlyInAnyOrder(204, 409);
        Http.Response refused = answers.stream().map(Race.Outcome::result).filter(r -> r.status() == 409)
                .findFirst().orElseThrow();
        assertThat(refused.json().path("message").asText()).contains("已被他人修改，请刷新后重试");
        assertThat(refused.body()).doesNotContain("Exception:", "org.", "java.");
        Task loser = answers.get(0).result().status() == 409 ? first : second;
        Task winner = loser == first ? second : first;
        assertThat(taskService.createTaskQuery().taskId(loser.getId()).count()).as("the loser's task is still open")
                .isEqualTo(1);
        DelegatedPower power = power(powerId);
        assertThat(power.getStatus()).isEqualTo(DelegatedPower.Status.REVOKED);
        assertThat(power.getRevocationId()).isEqualTo(revocationIdOf(winner));

        // the loser refreshes and decides again: the power stays revoked by the first decision
        assertThat(approve(loser).status()).isEqualTo(204);
        assertThat(power(powerId).getRevocationId()).isEqualTo(revocationIdOf(winner));
    }

    private Http.Response approve(Task task) {
        return Http.as(port, "govt").postJson("/engine-rest/task/" + task.getId() + "/complete",
                Map.of("variables", Map.of(PowerRevocationProcess.Vars.REVOCATION_DECISION,
                        Map.of("value", "APPROVE", "type", "String"))));
    }

    private void publish() {
        ProcessInstance instance = as("cgzf-off", () -> runtimeService.startProcessInstanceByKey(
                PowerDelegationProcess.KEY, PowerDelegationProcessTest.proposal("CGZF", List.of(ITEM), List.of(ORG))));
        started(instance);
        complete("s03-off", taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(REVIEW_CAPACITY).singleResult(), Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        complete("bianban", task(instance, CONFIRM_STAFFING), Map.of(Vars.STAFFING_DECISION, "APPROVE"));
        complete("govt", task(instance, DECIDE_DELEGATION), Map.of(Vars.FINAL_DECISION, "APPROVE"));
    }

    private Task revocationTask(String reason) {
        ProcessInstance revocation = as("cgzf-off", () -> runtimeService.startProcessInstanceByKey(
                PowerRevocationProcess.KEY, Map.of(PowerRevocationProcess.Vars.DEPT_CODE, "CGZF",
                        PowerRevocationProcess.Vars.ITEM_CODE, ITEM, PowerRevocationProcess.Vars.ORG_CODE, ORG,
                        PowerRevocationProcess.Vars.REVOCATION_REASON, reason)));
        started(revocation);
        return task(revocation, PowerRevocationProcess.DECIDE_REVOCATION);
    }

    private Long revocationIdOf(Task task) {
        return (Long) historyService.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .variableName(PowerRevocationProcess.Vars.REVOCATION_ID).singleResult().getValue();
    }

    private DelegatedPower power(Long id) {
        return catalog.publishedBy(jdbc.queryForObject("select case_id from dlg_delegated_power where id = ?",
                Long.class, id)).stream().filter(p -> p.getId().equals(id)).findFirst().orElseThrow();
    }
}
