package cn.streetgov.approval;

import static cn.streetgov.delegation.process.PowerDelegationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.casework.ApprovalOperation;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.common.BusinessException;
import cn.streetgov.common.ConflictException;
import cn.streetgov.common.ForbiddenException;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.delegation.domain.CaseStatus;
import cn.streetgov.delegation.domain.DelegationCases;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Starting and driving {@code power-delegation} cases for the approval operation tests. */
abstract class DelegationApprovalTestSupport extends ApprovalTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DelegationCases cases;

    @BeforeEach
    void clearCatalog() {
        cn.streetgov.delegation.process.DelegationTestData.clearCatalog(jdbc);
    }

    // ---------------------------------------------------------------- helpers

    ProcessInstance reviewedAndAtStaffing() {
        ProcessInstance instance = start(List.of("S01", "S03"));
        complete("s01-off", capacityTask(instance, "S01"), Map.of(Vars.CAPACITY_DECISION, "ACCEPT_WITH_CONDITIONS",
                Vars.CAPACITY_COMMENT, "需派员带教"));
        complete("s03-off", capacityTask(instance, "S03"), Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        complete("legal", task(instance, REVIEW_LEGALITY), Map.of(Vars.LEGAL_DECISION, LEGAL_LAWFUL));
        assertThat(instance).isWaitingAt(CONFIRM_STAFFING);
        return instance;
    }

    ProcessInstance start(List<String> targets) {
        Map<String, Object> vars = cn.streetgov.delegation.process.DelegationTestData.proposal(targets);
        return as("cgzf-off", () -> runtimeService.startProcessInstanceByKey(KEY, vars));
    }

    Task capacityTask(ProcessInstance instance, String orgCode) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(REVIEW_CAPACITY)
                .taskCandidateGroup("street-office-" + orgCode).includeAssignedTasks().singleResult();
    }

    String historicTask(ProcessInstance instance, String key, String assignee) {
        return historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(key).taskAssignee(assignee).finished().singleResult().getId();
    }

    Object variable(ProcessInstance instance, String name) {
        return runtimeService.getVariable(instance.getId(), name);
    }

    List<String> auditTypes(ProcessInstance instance) {
        return jdbc.queryForList("select event_type from audit_record where process_instance_id = ? order by seq",
                String.class, instance.getId());
    }
}
