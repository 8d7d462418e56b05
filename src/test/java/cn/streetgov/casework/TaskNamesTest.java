package cn.streetgov.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.audit.AuditEventType;
import cn.streetgov.audit.AuditRecord;
import cn.streetgov.audit.AuditTrail;
import cn.streetgov.delegation.process.DelegationTestData;
import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.test.IntegrationTest;
import cn.streetgov.test.Officials;
import cn.streetgov.whistle.process.WhistleProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasks carry their case in their name ({@code 【case number】organisation + step}); the record of the
 * case — {@code case_decision}, the audit trail — keeps the plain step name of the BPMN.
 */
@IntegrationTest
class TaskNamesTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    DecisionRecord decisions;
    @Autowired
    AuditTrail audit;
    @Autowired
    TaskNames names;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clearCatalog() {
        DelegationTestData.clearCatalog(jdbc);
    }

    @Test
    void shouldNameAStreetsReviewForTheCaseAndTheStreetAndRecordThePlainStepName() {
        ProcessInstance pi = delegation(List.of("S01", "S03"));
        String caseNo = pi.getBusinessKey();
        Task s01 = review(pi, "S01");
        Task s03 = review(pi, "S03");
        assertThat(s01.getName()).isEqualTo("【" + caseNo + "】东华街道评估承接能力");
        assertThat(s03.getName()).isEqualTo("【" + caseNo + "】南湖街道评估承接能力");
        assertThat(names.stepName(s01)).isEqualTo("评估承接能力");
        assertThat(engine.getTaskService().getVariableLocal(s01.getId(), TaskNames.CARD_VARIABLE))
                .isEqualTo("城市管理和综合执法局 · 临时占用城市道路审批等 2 项");
        // a district-wide body is named by nobody's organisation
        Task legal = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(PowerDelegationProcess.REVIEW_LEGALITY).singleResult();
        assertThat(legal.getName()).isEqualTo("【" + caseNo + "】合法性审查");

        Officials.complete(engine, "s01-off", s01, Map.of(PowerDelegationProcess.Vars.CAPACITY_DECISION, "ACCEPT"));

        CaseDecision row = decisions.ofCase(caseNo).get(0);
        assertThat(row.getStepName()).isEqualTo("评估承接能力");
        AuditRecord completed = audit.trail(pi.getId()).stream()
                .filter(r -> r.getEventType() == AuditEventType.TASK_COMPLETED).findFirst().orElseThrow();
        assertThat(completed.getActivityName()).isEqualTo("评估承接能力");
        HistoricTaskInstance done = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(s01.getId())
                .singleResult();
        assertThat(done.getName()).isEqualTo(s01.getName());
        assertThat(names.stepName(done)).isEqualTo("评估承接能力");
    }

    @Test
    void shouldPutTheAgencysNameInPlaceOfTheGenericWordOfTheStep() {
        Map<String, Object> vars = new HashMap<>();
        vars.put(WhistleProcess.Vars.ORG_CODE, "S01");
        vars.put(WhistleProcess.Vars.SUMMARY, "占道经营，需公安到场");
        vars.put(WhistleProcess.Vars.URGENCY, "NORMAL");
        vars.put(WhistleProcess.Vars.DEPT_CODES, "GA");
        ProcessInstance pi = Officials.as(engine, "s01-off",
                () -> engine.getRuntimeService().startProcessInstanceByKey(WhistleProcess.KEY, vars));
        Task report = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(WhistleProcess.Elements.REPORT).singleResult();
        // BPMN 部门报到, reported by the street's police station
        assertThat(report.getName()).isEqualTo("【" + pi.getBusinessKey() + "】东华派出所报到");
        assertThat(names.stepName(report)).isEqualTo("部门报到");
        // and the case in a few words for the task's card, a variable of the task itself
        assertThat(engine.getTaskService().getVariableLocal(report.getId(), TaskNames.CARD_VARIABLE))
                .isEqualTo("一般 · 占道经营，需公安到场");
    }

    @Test
    void shouldComposeNamesWithoutRepeatingWhatTheStepAlreadySays() {
        TaskNames.Unit street = new TaskNames.Unit("东华街道", List.of("街道"));
        assertThat(TaskNames.caseName("FQ-2026-0007", street, "评估承接能力")).isEqualTo("【FQ-2026-0007】东华街道评估承接能力");
        assertThat(TaskNames.caseName("FQ-2026-0007", street, "街道办事处评分")).isEqualTo("【FQ-2026-0007】东华街道办事处评分");
        assertThat(TaskNames.caseName("FQ-2026-0007", street, "东华街道复核")).isEqualTo("【FQ-2026-0007】东华街道复核");
        assertThat(TaskNames.caseName(null, null, "合法性审查")).isEqualTo("合法性审查");
        assertThat(TaskNames.withoutCaseNo("【FQ-2026-0007】前加签：评估承接能力")).isEqualTo("前加签：评估承接能力");
        assertThat(names.unitOf(List.of("street-office-S01", "street-committee-S01")).name()).isEqualTo("东华街道");
        assertThat(names.unitOf(List.of("street-office-S01", "street-office-S02"))).isNull();
        assertThat(names.unitOf(List.of("legal-review"))).isNull();
        assertThat(names.unitOf(List.of("dept-GA")).name()).isEqualTo("公安分局");
    }

    private ProcessInstance delegation(List<String> targets) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(PowerDelegationProcess.Vars.DEPT_CODE, "CGZF");
        vars.put(PowerDelegationProcess.Vars.POWER_ITEM_CODES, "CGZF-XK-001,CGZF-CF-001");
        vars.put(PowerDelegationProcess.Vars.TARGET_ORG_CODES, String.join(",", targets));
        vars.put(PowerDelegationProcess.Vars.DELEGATION_METHOD, "DEVOLVE");
        vars.put(PowerDelegationProcess.Vars.LEGAL_BASIS, "《城市道路管理条例》");
        vars.put(PowerDelegationProcess.Vars.REASON, "直接面向群众，由街道承担更方便有效");
        vars.put(PowerDelegationProcess.Vars.STAFFING_TRANSFER, 0);
        vars.put(PowerDelegationProcess.Vars.EFFECTIVE_DATE, CaseClock.today().toString());
        return Officials.as(engine, "cgzf-off",
                () -> engine.getRuntimeService().startProcessInstanceByKey(PowerDelegationProcess.KEY, vars));
    }

    private Task review(ProcessInstance pi, String orgCode) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(PowerDelegationProcess.REVIEW_CAPACITY).taskCandidateGroup("street-office-" + orgCode)
                .singleResult();
    }
}
