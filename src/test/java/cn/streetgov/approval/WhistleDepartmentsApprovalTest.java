package cn.streetgov.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.casework.ApprovalOperation;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.whistle.domain.CaseStatus;
import cn.streetgov.whistle.domain.WhistleCaseService;
import cn.streetgov.whistle.process.WhistleProcess;
import cn.streetgov.whistle.process.WhistleProcess.Elements;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The departments of a running whistle: one more department summoned by 加签 (one more instance of
 * the multi-instance report step) and removed again by 减签; a report returned into one department.
 */
class WhistleDepartmentsApprovalTest extends ApprovalTestSupport {

    @Autowired
    WhistleCaseService whistles;

    @Test
    void shouldSummonOneMoreDepartmentToARunningWhistleAndRemoveItBeforeItReports() {
        ProcessInstance pi = blow("GA");
        Task ga = reportTask(pi, "GA");
        List<ApprovalOperations.Person> people = by("s01-ga-head", u -> ops.people(u, ga.getId(),
                ApprovalOperation.ADD_SIGN));
        assertThat(people).extracting(ApprovalOperations.Person::userId).contains("cgzf-off", "s01-cgzf-head", "wj-off")
                .doesNotContain("ga-off");

        by("s01-ga-head", u -> signatures.addSign(u, ga.getId(), List.of("wj-off"), "PARALLEL", "涉及医疗废弃物，需卫健参与"));

        Task wj = reportTask(pi, "WJ");
        assertThat(groups(wj)).containsExactly("dept-WJ");
        assertThat(wj.getDueDate()).isAfter(CaseClock.toDate(CaseClock.now()));
        Long caseId = (Long) runtimeService.getVariable(pi.getId(), Vars.CASE_ID);
        assertThat(whistles.summonedDepartments(caseId)).containsExactly("GA", "WJ");
        assertThatThrownBy(() -> by("s01-ga-head", u -> signatures.addSign(u, ga.getId(), List.of("wj-off"),
                "PARALLEL", "再加一次"))).isInstanceOf(InvalidInputException.class);

        complete("s01-ga-head", ga, Map.of(Vars.REPORT_NOTE, "已到场"));
        assertThat(pi).isWaitingAt(Elements.REPORT);
        // the department that was added has not reported yet: the street that blew the whistle removes it,
        // and the case moves on; an official of another department may not
        assertThatThrownBy(() -> by("cgzf-off", u -> signatures.removeSign(u, wj.getId(), "wj-off", "不需要")))
                .isInstanceOf(cn.streetgov.common.ForbiddenException.class);
        by("s01-off", u -> signatures.removeSign(u, wj.getId(), "wj-off", "卫健确认不涉及"));
        assertThat(pi).isWaitingAt(Elements.HANDLE);
        assertThat(whistles.summonedDepartments(caseId)).containsExactly("GA");
        assertThat(whistles.require(caseId).getStatus()).isEqualTo(CaseStatus.HANDLING);
        assertThat(record.ofProcessInstance(pi.getId())).extracting(CaseDecision::getType).containsExactly(
                CaseDecision.Type.ADD_SIGN, CaseDecision.Type.DECISION, CaseDecision.Type.REMOVE_SIGN);
    }

    @Test
    void shouldRemoveAnAddedDepartmentWhileTheOthersStillReport() {
        ProcessInstance pi = blow("GA");
        Task ga = reportTask(pi, "GA");
        by("s01-ga-head", u -> signatures.addSign(u, ga.getId(), List.of("wj-off", "zrzy-off"), "PARALLEL", "涉及多部门"));
        Task wj = reportTask(pi, "WJ");
        by("s01-ga-head", u -> signatures.removeSign(u, ga.getId(), "wj-off", "卫健不涉及"));
        assertThat(reportTaskOrNull(pi, "WJ")).isNull();
        assertThat(taskService.createTaskQuery().taskId(wj.getId()).count()).isZero();
        complete("zrzy-off", reportTask(pi, "ZRZY"), Map.of(Vars.REPORT_NOTE, "规划部门已到场"));
        complete("s01-ga-head", ga, Map.of(Vars.REPORT_NOTE, "已到场"));
        assertThat(pi).isWaitingAt(Elements.HANDLE);
        Long caseId = (Long) runtimeService.getVariable(pi.getId(), Vars.CASE_ID);
        assertThat(whistles.summonedDepartments(caseId)).containsExactly("GA", "ZRZY");
    }

    @Test
    void shouldLetTheAddedDepartmentReportAndTheCaseGoOnOnceAllHaveReported() {
        ProcessInstance pi = blow("GA");
        Task ga = reportTask(pi, "GA");
        by("s01-ga-head", u -> signatures.addSign(u, ga.getId(), List.of("s01-cgzf-head"), "PARALLEL", "占道经营"));
        Task cgzf = reportTask(pi, "CGZF");
        assertThat(groups(cgzf)).containsExactly("agency-S01-CGZF");
        complete("s01-cgzf-head", cgzf, Map.of(Vars.REPORT_NOTE, "城管中队已到场"));
        assertThat(pi).isWaitingAt(Elements.REPORT);
        complete("s01-ga-head", ga, Map.of(Vars.REPORT_NOTE, "已到场"));
        assertThat(pi).isWaitingAt(Elements.HANDLE);
        Long caseId = (Long) runtimeService.getVariable(pi.getId(), Vars.CASE_ID);
        assertThat(whistles.summonses(caseId)).allSatisfy(s -> assertThat(s.isReported()).isTrue());
    }

    @Test
    void shouldReturnTheJointHandlingIntoOneDepartmentsReport() {
        ProcessInstance pi = blow("GA,CGZF");
        complete("s01-ga-head", reportTask(pi, "GA"), Map.of(Vars.REPORT_NOTE, "已到场"));
        complete("s01-cgzf-head", reportTask(pi, "CGZF"), Map.of(Vars.REPORT_NOTE, "已到场"));
        Task handle = task(pi, Elements.HANDLE);
        List<ApprovalOperations.ReturnTarget> targets = by("s01-off", u -> ops.returnTargets(u, handle.getId()));
        ApprovalOperations.ReturnTarget toGa = targets.stream().filter(t -> t.label().contains("公安分局")).findFirst()
                .orElseThrow();

        by("s01-off", u -> ops.returnTask(u, handle.getId(), Elements.REPORT, toGa.taskId(), "报到说明缺少处置人员"));

        Task again = reportTask(pi, "GA");
        assertThat(again.getAssignee()).isEqualTo("s01-ga-head");
        assertThat(reportTaskOrNull(pi, "CGZF")).isNull();
        Long caseId = (Long) runtimeService.getVariable(pi.getId(), Vars.CASE_ID);
        assertThat(whistles.require(caseId).getStatus()).isEqualTo(CaseStatus.REPORTING);
        complete("s01-ga-head", again, Map.of(Vars.REPORT_NOTE, "已到场，处置人员：张警官"));
        assertThat(pi).isWaitingAt(Elements.HANDLE);
        assertThat(whistles.summons(caseId, "GA").getReportNote()).isEqualTo("已到场，处置人员：张警官");
    }

    // ---------------------------------------------------------------- helpers

    private ProcessInstance blow(String depts) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.ORG_CODE, "S01");
        vars.put(Vars.SUMMARY, "道路积水，多部门协同处置");
        vars.put(Vars.LOCATION, "和平路 12 号");
        vars.put(Vars.URGENCY, "URGENT");
        vars.put(Vars.DEPT_CODES, depts);
        return as("s01-off", () -> runtimeService.startProcessInstanceByKey(WhistleProcess.KEY, vars));
    }

    private Task reportTask(ProcessInstance pi, String deptCode) {
        Task task = reportTaskOrNull(pi, deptCode);
        assertThat(task).as("report task of %s", deptCode).isNotNull();
        return task;
    }

    private Task reportTaskOrNull(ProcessInstance pi, String deptCode) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Elements.REPORT).list()
                .stream().filter(t -> deptCode.equals(taskService.getVariable(t.getId(), Vars.DEPT_CODE))).findFirst()
                .orElse(null);
    }

    private List<String> groups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }
}
