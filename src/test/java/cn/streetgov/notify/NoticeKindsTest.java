package cn.streetgov.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.approval.ApprovalOperations;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.DeadlineSweep;
import cn.streetgov.delegation.domain.DelegationCases;
import cn.streetgov.delegation.domain.DelegationPair;
import cn.streetgov.delegation.domain.PowerCatalog;
import cn.streetgov.delegation.process.DelegationTestData;
import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.test.StartVariables;
import cn.streetgov.whistle.process.WhistleProcess;
import cn.streetgov.whistle.process.WhistleProcess.Elements;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every kind of notice reaches the right person's inbox from real workflow steps, in Chinese and
 * without codes: a new task (to its assignee, else every member of its candidate groups — never
 * another street's), the starter told of the end with the outcome and of a rejection by the rules,
 * reminders and escalations, urge, copy and return.
 */
class NoticeKindsTest extends NotifyTestSupport {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Autowired
    ApprovalOperations operations;
    @Autowired
    DeadlineSweep sweep;
    @Autowired
    DelegationCases delegations;
    @Autowired
    PowerCatalog catalog;

    @BeforeEach
    void clearCatalog() {
        DelegationTestData.clearCatalog(jdbc);
    }

    @Test
    void shouldTellTheSummonedOfTheirNewTaskAndTheStarterOfTheEnd() {
        ProcessInstance pi = blow("GA,WJ");
        String caseNo = pi.getBusinessKey();
        Task report = taskOf(pi, "agency-S01-GA");

        List<Inbox.Item> agency = inboxOf("s01-ga-head", caseNo);
        assertThat(agency).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo("NEW_TASK");
            assertThat(item.kindLabel()).isEqualTo("新的待办");
            assertThat(item.processName()).isEqualTo("街道吹哨、部门报到");
            assertThat(item.message()).contains(caseNo, "「东华派出所报到」", CaseClock.toLocal(report.getDueDate()).format(MINUTE));
        });
        assertThat(inboxOf("wj-off", caseNo)).extracting(Inbox.Item::kind).containsExactly("NEW_TASK");
        // another street's agency of the same department, and the street office (no task yet), hear nothing
        assertThat(inboxOf("s02-ga-head", caseNo)).isEmpty();
        assertThat(inboxOf("s01-off", caseNo)).isEmpty();

        complete("s01-ga-head", report, Map.of(WhistleProcess.Vars.REPORT_NOTE, "派出所民警已到场"));
        complete("wj-off", taskOf(pi, "dept-WJ"), Map.of(WhistleProcess.Vars.REPORT_NOTE, "卫健执法人员已到场"));
        assertThat(inboxOf("s01-off", caseNo)).singleElement()
                .satisfies(item -> assertThat(item.message()).contains("联合处置"));
        complete("s01-off", task(pi, Elements.HANDLE), Map.of(WhistleProcess.Vars.HANDLING_NOTE, "占道摊点已清理"));
        complete("s01-off", task(pi, Elements.CONFIRM), Map.of(WhistleProcess.Vars.RESOLVED, true));
        complete("s01-off", task(pi, Elements.FOLLOW_UP), Map.of(WhistleProcess.Vars.SATISFACTION, 5));
        assertThat(pi).isEnded();

        List<Inbox.Item> starter = inboxOf("s01-off", caseNo);
        assertThat(starter).extracting(Inbox.Item::kind)
                .containsExactly("CASE_END", "NEW_TASK", "NEW_TASK", "NEW_TASK");
        assertThat(starter.get(0).kindLabel()).isEqualTo("办结通知");
        assertThat(starter.get(0).message()).contains(caseNo, "街道吹哨、部门报到", "已办结");
        // the agencies are told nothing more; nobody reads a code
        assertThat(inboxOf("s01-ga-head", caseNo)).hasSize(1);
        for (String user : List.of("s01-off", "s01-ga-head", "wj-off")) {
            inboxOf(user, caseNo).forEach(item -> assertNoCodes(item.message()));
        }
    }

    @Test
    void shouldTellTheStarterWithTheReasonWhenTheRulesRejectTheCase() {
        // an ecology power is never delegated to a central street (delegation-eligibility.dmn)
        ProcessInstance pi = startDelegation("CGZF-CF-002", "S01,S02");
        assertThat(pi).isEnded();
        String caseNo = pi.getBusinessKey();
        Long caseId = delegations.requireByNo(caseNo).getId();
        String reason = delegations.pairs(caseId).stream().map(DelegationPair::getEligibilityReason).findFirst()
                .orElseThrow();

        List<Inbox.Item> starter = inboxOf("cgzf-off", caseNo);
        assertThat(starter).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo("REJECTED_BY_RULES");
            assertThat(item.kindLabel()).isEqualTo("规则否决");
            assertThat(item.processName()).isEqualTo("赋权下放审批");
            assertThat(item.message()).contains(caseNo, reason, "东华街道", "西岭街道",
                    catalog.findItem("CGZF-CF-002").orElseThrow().getName());
            assertNoCodes(item.message());
        });
    }

    @Test
    void shouldTellTheStarterTheOutcomeInChineseWhenTheCaseEnds() {
        ProcessInstance pi = startDelegation("CGZF-CF-001", "S02");
        complete("legal", task(pi, PowerDelegationProcess.REVIEW_LEGALITY), Map.of(
                PowerDelegationProcess.Vars.LEGAL_DECISION, PowerDelegationProcess.LEGAL_UNLAWFUL,
                PowerDelegationProcess.Vars.LEGAL_COMMENT, "上位法未授权委托实施"));
        assertThat(pi).isEnded();

        List<Inbox.Item> starter = inboxOf("cgzf-off", pi.getBusinessKey());
        assertThat(starter).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo("CASE_END");
            assertThat(item.message()).contains(pi.getBusinessKey(), "赋权下放审批", "未通过");
            assertNoCodes(item.message());
        });
        // the street whose review the end cut short was told of its task, and of nothing else
        assertThat(inboxOf("s02-off", pi.getBusinessKey())).extracting(Inbox.Item::kind).containsExactly("NEW_TASK");
    }

    @Test
    void shouldRemindTheTaskHoldersAndEscalateNamingTheOrganisation() {
        ProcessInstance pi = blow("GA");
        complete("s01-ga-head", taskOf(pi, "agency-S01-GA"), Map.of(WhistleProcess.Vars.REPORT_NOTE, "已到场"));
        Task handle = task(pi, Elements.HANDLE);
        String caseNo = pi.getBusinessKey();

        ClockUtil.setCurrentTime(new Date(handle.getDueDate().getTime() - 6 * 3_600_000L));
        assertThat(sweep.sweepCase(pi.getId()).reminded()).isEqualTo(1);
        assertThat(inboxOf("s01-off", caseNo)).filteredOn(item -> item.kind().equals("REMINDER")).singleElement()
                .satisfies(item -> {
                    assertThat(item.kindLabel()).isEqualTo("到期提醒");
                    assertThat(item.message()).contains("联合处置", CaseClock.toLocal(handle.getDueDate()).format(MINUTE));
                });

        ClockUtil.setCurrentTime(new Date(handle.getDueDate().getTime() + 3_600_000L));
        assertThat(sweep.sweepCase(pi.getId()).escalated()).isEqualTo(1);
        assertThat(inboxOf("govt", caseNo)).filteredOn(item -> item.kind().equals("ESCALATION")).singleElement()
                .satisfies(item -> {
                    assertThat(item.kindLabel()).isEqualTo("逾期上报");
                    assertThat(item.message()).contains("联合处置", "东华街道办事处");
                    assertNoCodes(item.message());
                });
    }

    @Test
    void shouldTellTheUrgedTheCopiedAndTheOneAStepIsReturnedTo() {
        ProcessInstance pi = blow("GA");
        String caseNo = pi.getBusinessKey();
        Task report = taskOf(pi, "agency-S01-GA");

        as("s01-off", () -> operations.urge(user("s01-off"), report.getId(), "请尽快到场"));
        assertThat(inboxOf("s01-ga-head", caseNo)).filteredOn(item -> item.kind().equals("URGE")).singleElement()
                .satisfies(item -> assertThat(item.message()).contains("请尽快到场", "部门报到"));

        as("s01-ga-head", () -> operations.copy(user("s01-ga-head"), report.getId(), List.of("ga-off"), null,
                "请分局知悉"));
        assertThat(inboxOf("ga-off", caseNo)).filteredOn(item -> item.kind().equals("COPY")).singleElement()
                .satisfies(item -> assertThat(item.message()).contains("请分局知悉"));

        complete("s01-ga-head", taskOf(pi, "agency-S01-GA"), Map.of(WhistleProcess.Vars.REPORT_NOTE, "已到场"));
        Task handle = task(pi, Elements.HANDLE);
        String target = as("s01-off", () -> operations.returnTargets(user("s01-off"), handle.getId())).get(0).taskId();
        as("s01-off", () -> operations.returnTask(user("s01-off"), handle.getId(), Elements.REPORT, target,
                "到场人员名单不全，请补报"));

        List<Inbox.Item> agency = inboxOf("s01-ga-head", caseNo);
        assertThat(agency.get(0).kind()).isEqualTo("RETURN");
        assertThat(agency.get(0).kindLabel()).isEqualTo("退回");
        assertThat(agency.get(0).message()).contains("到场人员名单不全，请补报");
        // the return tells them: the reopened task brings no second "new task"
        assertThat(agency).filteredOn(item -> item.kind().equals("NEW_TASK")).hasSize(1);
        for (String user : List.of("s01-ga-head", "ga-off")) {
            inboxOf(user, caseNo).forEach(item -> assertNoCodes(item.message()));
        }
    }

    private ProcessInstance blow(String deptCodes) {
        return as("s01-off", () -> runtimeService.startProcessInstanceByKey(WhistleProcess.KEY,
                StartVariables.whistle("S01", deptCodes, "NORMAL", "小区门口占道经营，夜间噪音扰民", "东华路 8 号")));
    }

    private ProcessInstance startDelegation(String itemCodes, String targets) {
        return as("cgzf-off", () -> runtimeService.startProcessInstanceByKey(PowerDelegationProcess.KEY,
                StartVariables.delegation("CGZF", itemCodes, targets)));
    }

    private Task taskOf(ProcessInstance pi, String candidateGroup) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup(candidateGroup)
                .includeAssignedTasks().singleResult();
    }
}
