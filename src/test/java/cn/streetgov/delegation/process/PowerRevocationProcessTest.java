package cn.streetgov.delegation.process;

import static cn.streetgov.delegation.process.PowerDelegationProcess.CONFIRM_STAFFING;
import static cn.streetgov.delegation.process.PowerDelegationProcess.DECIDE_DELEGATION;
import static cn.streetgov.delegation.process.PowerDelegationProcess.REVIEW_CAPACITY;
import static cn.streetgov.delegation.process.PowerDelegationProcess.REVIEW_PERIOD_ELAPSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.delegation.domain.DelegatedPower;
import cn.streetgov.delegation.domain.DelegationCase;
import cn.streetgov.delegation.domain.DelegationCases;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.delegation.domain.PowerCatalog;
import cn.streetgov.delegation.domain.PowerRevocation;
import cn.streetgov.delegation.domain.PowerRevocations;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import cn.streetgov.test.ProcessTestSupport;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of {@code power-revocation}: a published power is taken back, or kept. */
class PowerRevocationProcessTest extends ProcessTestSupport {

    @Autowired
    DelegationCases cases;
    @Autowired
    PowerCatalog catalog;
    @Autowired
    PowerRevocations revocations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DecisionRecord record;

    @BeforeEach
    void clearCatalog() {
        DelegationTestData.clearCatalog(jdbc);
    }

    @Test
    void shouldRevokeAPowerAndTakeItOutOfTheCatalog() {
        ProcessInstance delegation = publishedCase("CGZF-XK-001", "S02");
        assertThat(catalog.inForce("S02", today())).extracting(DelegatedPower::getItemCode).contains("CGZF-XK-001");

        ProcessInstance revocation = as("cgzf-off", () -> runtimeService.startProcessInstanceByKey(
                PowerRevocationProcess.KEY, Map.of("deptCode", "CGZF", "itemCode", "CGZF-XK-001", "orgCode", "S02",
                        "revocationReason", "街道承接后办件质量不高")));
        assertThat(revocation).isWaitingAt(PowerRevocationProcess.DECIDE_REVOCATION);
        assertThat(revocation.getBusinessKey()).matches("SH-\\d{4}-\\d{4}");
        complete("govt", task(revocation, PowerRevocationProcess.DECIDE_REVOCATION),
                Map.of("revocationDecision", "APPROVE"));
        assertThat(revocation).hasPassed(PowerRevocationProcess.REVOKE_POWER, PowerRevocationProcess.END_REVOKED)
                .isEnded();
        assertThat(catalog.inForce("S02", today())).extracting(DelegatedPower::getItemCode)
                .doesNotContain("CGZF-XK-001");
        assertThat(catalog.publishedBy(caseOf(delegation).getId())).singleElement()
                .satisfies(p -> assertThat(p.getStatus()).isEqualTo(DelegatedPower.Status.REVOKED));
        PowerRevocation record = revocations.require((Long) historicVariable(revocation, "revocationId"));
        assertThat(record.getStatus()).isEqualTo(PowerRevocation.Status.REVOKED);
        assertThat(record.getDecidedBy()).isEqualTo("govt");
        assertThat(record.getDecidedOrg()).isEqualTo("district-government");
        assertThat(this.record.ofCase(revocation.getBusinessKey())).singleElement().satisfies(d -> {
            assertThat(d.getProcessKey()).isEqualTo(PowerRevocationProcess.KEY);
            assertThat(d.getTaskKey()).isEqualTo(PowerRevocationProcess.DECIDE_REVOCATION);
            assertThat(d.getDecision() + ":" + d.getDecisionLabel()).isEqualTo("APPROVE:同意收回");
            assertThat(d.getActorUser() + ":" + d.getActorGroup()).isEqualTo("govt:district-government");
        });
    }

    @Test
    void shouldKeepThePowerWhenTheGovernmentRefusesRevocation() {
        publishedCase("CGZF-XK-001", "S02");
        ProcessInstance revocation = as("cgzf-off", () -> runtimeService.startProcessInstanceByKey(
                PowerRevocationProcess.KEY, Map.of("deptCode", "CGZF", "itemCode", "CGZF-XK-001", "orgCode", "S02",
                        "revocationReason", "试行期结束")));
        complete("govt", task(revocation, PowerRevocationProcess.DECIDE_REVOCATION),
                Map.of("revocationDecision", "REJECT", "revocationComment", "运行良好，继续实施"));
        assertThat(revocation).hasPassed(PowerRevocationProcess.END_KEPT).isEnded();
        assertThat(historicVariable(revocation, "outcome")).isEqualTo("REJECTED");
        assertThat(catalog.inForce("S02", today())).extracting(DelegatedPower::getItemCode).contains("CGZF-XK-001");
        PowerRevocation request = revocations.require((Long) historicVariable(revocation, "revocationId"));
        assertThat(request.getStatus()).isEqualTo(PowerRevocation.Status.REJECTED);
        assertThat(request.getDecisionComment()).isEqualTo("运行良好，继续实施");
        assertThat(record.ofCase(revocation.getBusinessKey())).extracting(CaseDecision::getDecisionLabel,
                CaseDecision::getComment).containsExactly(org.assertj.core.groups.Tuple.tuple("不同意收回", "运行良好，继续实施"));
    }

    @Test
    void shouldRefuseARefusalWithoutReasonAndLeaveTheRequestOpen() {
        publishedCase("CGZF-XK-001", "S02");
        ProcessInstance revocation = as("cgzf-off", () -> runtimeService.startProcessInstanceByKey(
                PowerRevocationProcess.KEY, Map.of("deptCode", "CGZF", "itemCode", "CGZF-XK-001", "orgCode", "S02",
                        "revocationReason", "试行期结束")));
        assertRefused(() -> complete("govt", task(revocation, PowerRevocationProcess.DECIDE_REVOCATION),
                Map.of("revocationDecision", "REJECT")), "请填写不同意收回的理由");
        assertRefused(() -> complete("govt", task(revocation, PowerRevocationProcess.DECIDE_REVOCATION),
                Map.of("revocationDecision", "LATER")), "请选择会议决定（同意收回 / 不同意收回）");
        assertThat(revocation).isWaitingAt(PowerRevocationProcess.DECIDE_REVOCATION);
        assertThat(record.ofCase(revocation.getBusinessKey())).isEmpty();
        PowerRevocation request = revocations.require((Long) runtimeService.getVariable(revocation.getId(),
                "revocationId"));
        assertThat(request.getStatus()).isEqualTo(PowerRevocation.Status.REQUESTED);
        assertThat(request.getDecision()).isNull();
        assertThat(catalog.inForce("S02", today())).extracting(DelegatedPower::getItemCode).contains("CGZF-XK-001");
    }

    @Test
    void shouldRefuseRevocationOfAPowerThatIsNotDelegated() {
        long before = jdbc.queryForObject("select count(*) from dlg_revocation", Long.class);
        assertRefused(() -> as("cgzf-off", () -> runtimeService.startProcessInstanceByKey(PowerRevocationProcess.KEY,
                Map.of("deptCode", "CGZF", "itemCode", "CGZF-XK-001", "orgCode", "T01", "revocationReason", "x"))),
                "未下放");
        assertThat(jdbc.queryForObject("select count(*) from dlg_revocation", Long.class)).isEqualTo(before);
    }

    private ProcessInstance publishedCase(String item, String org) {
        ProcessInstance instance = as("cgzf-off", () -> runtimeService.startProcessInstanceByKey(
                PowerDelegationProcess.KEY, PowerDelegationProcessTest.proposal("CGZF", List.of(item), List.of(org))));
        complete(org.toLowerCase() + "-off", taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(REVIEW_CAPACITY).singleResult(), Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        complete("bianban", task(instance, CONFIRM_STAFFING), Map.of(Vars.STAFFING_DECISION, "APPROVE"));
        complete("govt", task(instance, DECIDE_DELEGATION), Map.of(Vars.FINAL_DECISION, "APPROVE"));
        assertThat(instance).isWaitingAt(REVIEW_PERIOD_ELAPSED);
        return instance;
    }

    private DelegationCase caseOf(ProcessInstance instance) {
        return cases.requireByNo(instance.getBusinessKey() != null ? instance.getBusinessKey()
                : (String) historicVariable(instance, Vars.CASE_NO));
    }

    private Object historicVariable(ProcessInstance instance, String name) {
        var v = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).list();
        return v.isEmpty() ? null : v.get(v.size() - 1).getValue();
    }

    private static LocalDate today() {
        return CaseClock.today();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).satisfies(e -> {
            Throwable cause = e;
            while (cause != null && !(cause instanceof InvalidInputException)) {
                cause = cause.getCause();
            }
            assertThat(cause).as("InvalidInputException in %s", e).isNotNull();
            assertThat(cause.getMessage()).contains(message);
        });
    }
}
