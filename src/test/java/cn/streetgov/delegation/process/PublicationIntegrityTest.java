package cn.streetgov.delegation.process;

import static cn.streetgov.delegation.process.PowerDelegationProcess.BOUNDARY_ALREADY_IN_FORCE;
import static cn.streetgov.delegation.process.PowerDelegationProcess.CONFIRM_STAFFING;
import static cn.streetgov.delegation.process.PowerDelegationProcess.DECIDE_DELEGATION;
import static cn.streetgov.delegation.process.PowerDelegationProcess.END_ALREADY_IN_FORCE;
import static cn.streetgov.delegation.process.PowerDelegationProcess.PUBLISH_CATALOG;
import static cn.streetgov.delegation.process.PowerDelegationProcess.REVIEW_CAPACITY;
import static cn.streetgov.delegation.process.PowerDelegationProcess.REVIEW_PERIOD_ELAPSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.common.RacePoints;
import cn.streetgov.delegation.domain.CaseStatus;
import cn.streetgov.delegation.domain.DelegationCase;
import cn.streetgov.delegation.domain.DelegationCases;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import cn.streetgov.test.Race;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The same power is never in force twice for the same street/town: two cases that delegate it are
 * decided one after the other, or at the same moment.
 */
class PublicationIntegrityTest extends CatalogTestSupport {

    private static final String ITEM = "CGZF-XK-001";
    private static final String ORG = "S02";

    @Autowired
    DelegationCases cases;

    @Test
    void shouldNotPublishAPowerThatAnotherCasePublishedMeanwhile() {
        ProcessInstance first = atFinalDecision();
        ProcessInstance second = atFinalDecision();

        approve(first);
        approve(second);

        assertThat(first).isWaitingAt(REVIEW_PERIOD_ELAPSED);
        assertThat(outcome(first)).isEqualTo("PUBLISHED");
        assertRefusedAsAlreadyInForce(second, first);
        assertThat(inForce()).isEqualTo(1);
    }

    @Test
    void shouldPublishOnceWhenTwoGovernmentDecisionsRace() {
        ProcessInstance first = atFinalDecision();
        ProcessInstance second = atFinalDecision();

        List<Race.Outcome<Void>> outcomes;
        // both transactions have read the case and its pairs before either publishes
        try (var meeting = RacePoints.onReach(DelegationCases.RACE_PUBLICATION, Race.meetingOfTwo())) {
            outcomes = Race.twoAtOnce(() -> approve(first), () -> approve(second));
        }

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).as("a completion failed").isNull());
        assertThat(inForce()).isEqualTo(1);
        assertThat(List.of(outcome(first), outcome(second))).containsExactlyInAnyOrder("PUBLISHED", "REJECTED");
        ProcessInstance loser = "REJECTED".equals(outcome(first)) ? first : second;
        assertRefusedAsAlreadyInForce(loser, loser == first ? second : first);
    }

    private void assertRefusedAsAlreadyInForce(ProcessInstance refused, ProcessInstance published) {
        assertThat(refused).hasPassed(PUBLISH_CATALOG, BOUNDARY_ALREADY_IN_FORCE, END_ALREADY_IN_FORCE).isEnded();
        assertThat(outcome(refused)).isEqualTo("REJECTED");
        DelegationCase refusedCase = cases.requireByNo((String) historic(refused, Vars.CASE_NO));
        assertThat(refusedCase.getStatus()).isEqualTo(CaseStatus.REJECTED);
        assertThat(refusedCase.getClosingNote()).contains("已在赋权目录中生效", "西岭街道",
                (String) historic(published, Vars.CASE_NO));
        assertThat(historic(refused, Vars.OUTCOME_REASON)).isEqualTo(refusedCase.getClosingNote());
        assertThat((String) historic(refused, Vars.CASE_SUMMARY)).contains("办结说明", "不能重复公布");
        assertThat(catalog.publishedBy(refusedCase.getId())).isEmpty();
    }

    @Test
    void shouldDelegateAgainOnceARevocationTookThePowerBack() {
        ProcessInstance first = atFinalDecision();
        approve(first);
        ProcessInstance revocation = as("cgzf-off", () -> runtimeService.startProcessInstanceByKey(
                PowerRevocationProcess.KEY, Map.of(PowerRevocationProcess.Vars.DEPT_CODE, "CGZF",
                        PowerRevocationProcess.Vars.ITEM_CODE, ITEM, PowerRevocationProcess.Vars.ORG_CODE, ORG,
                        PowerRevocationProcess.Vars.REVOCATION_REASON, "试点结束")));
        started(revocation);
        complete("govt", task(revocation, PowerRevocationProcess.DECIDE_REVOCATION),
                Map.of(PowerRevocationProcess.Vars.REVOCATION_DECISION, "APPROVE"));
        assertThat(inForce()).isZero();

        ProcessInstance again = atFinalDecision();
        approve(again);

        assertThat(outcome(again)).isEqualTo("PUBLISHED");
        assertThat(inForce()).isEqualTo(1);
    }

    @Test
    void shouldHoldOnePowerInForcePerStreetInTheDatabase() {
        ProcessInstance instance = atFinalDecision();
        Long caseId = (Long) runtimeService.getVariable(instance.getId(), Vars.CASE_ID);
        String insert = "insert into dlg_delegated_power (item_code, org_code, delegation_method, effective_date, status,"
                + " case_id, published_at) values (?, ?, 'DEVOLVE', current_date, ?, ?, current_timestamp)";
        jdbc.update(insert, ITEM, ORG, "ACTIVE", caseId);
        jdbc.update(insert, ITEM, ORG, "REVOKED", caseId);

        assertThatThrownBy(() -> jdbc.update(insert, ITEM, ORG, "ACTIVE", caseId))
                .isInstanceOf(DataIntegrityViolationException.class);

        jdbc.update("update dlg_delegated_power set status = 'REVOKED' where item_code = ? and org_code = ?", ITEM, ORG);
        jdbc.update(insert, ITEM, ORG, "ACTIVE", caseId);
        assertThat(inForce()).isEqualTo(1);
    }

    private ProcessInstance atFinalDecision() {
        ProcessInstance instance = as("cgzf-off", () -> runtimeService.startProcessInstanceByKey(
                PowerDelegationProcess.KEY, PowerDelegationProcessTest.proposal("CGZF", List.of(ITEM), List.of(ORG))));
        started(instance);
        complete("s02-off", taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(REVIEW_CAPACITY).singleResult(), Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        complete("bianban", task(instance, CONFIRM_STAFFING), Map.of(Vars.STAFFING_DECISION, "APPROVE"));
        assertThat(instance).isWaitingAt(DECIDE_DELEGATION);
        return instance;
    }

    private void approve(ProcessInstance instance) {
        complete("govt", task(instance, DECIDE_DELEGATION), Map.of(Vars.FINAL_DECISION, "APPROVE"));
    }

    private long inForce() {
        return jdbc.queryForObject("select count(*) from dlg_delegated_power where item_code = ? and org_code = ?"
                + " and status = 'ACTIVE'", Long.class, ITEM, ORG);
    }

    private Object outcome(ProcessInstance instance) {
        return historic(instance, Vars.OUTCOME);
    }

    private Object historic(ProcessInstance instance, String name) {
        var v = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).list();
        return v.isEmpty() ? null : v.get(0).getValue();
    }
}
