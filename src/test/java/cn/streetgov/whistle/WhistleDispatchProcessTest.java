package cn.streetgov.whistle;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.TaskDecisions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.audit.AuditEventType;
import cn.streetgov.audit.AuditTrail;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.whistle.domain.CaseStatus;
import cn.streetgov.whistle.domain.WhistleCase;
import cn.streetgov.whistle.domain.WhistleCaseService;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.CaseNotification;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.whistle.domain.WhistleSummons;
import cn.streetgov.whistle.process.WhistleProcess;
import cn.streetgov.whistle.process.WhistleProcess.Elements;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import cn.streetgov.test.ProcessTestSupport;
import cn.streetgov.test.StartVariables;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** whistle-dispatch, one test per path: where the case went and what it wrote. */
class WhistleDispatchProcessTest extends ProcessTestSupport {

    @Autowired
    WhistleCaseService cases;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditTrail audit;

    // ---- routing, on-time reports, the happy path ----

    @Test
    void shouldRouteToAgencyOrDepartmentAndCloseAfterOnTimeReports() {
        ProcessInstance pi = blow("s01-off", "S01", "NORMAL", "GA,WJ");
        WhistleCase whistle = caseOf(pi);

        assertThat(pi.getBusinessKey()).matches("CS-\\d{4}-\\d{4}").isEqualTo(whistle.getCaseNo());
        assertThat(pi).isWaitingAt(Elements.REPORT);
        Task ga = reportTask(pi, "GA");
        Task wj = reportTask(pi, "WJ");
        assertThat(candidateGroups(ga)).containsExactly("agency-S01-GA");
        assertThat(candidateGroups(wj)).containsExactly("dept-WJ");
        assertThat(summons(whistle, "GA").getAgencyCode()).isEqualTo("S01-GA");
        assertThat(summons(whistle, "WJ").getAgencyCode()).isNull();
        assertThat(summons(whistle, "WJ").getRoutedGroup()).isEqualTo("dept-WJ");
        assertThat(whistle.getStartedBy()).isEqualTo("s01-off");

        advanceClock(90);
        complete("s01-ga-head", ga, Map.of(Vars.REPORT_NOTE, "派出所民警已到场"));
        assertThat(pi).isWaitingAt(Elements.REPORT);
        complete("wj-off", wj, Map.of(Vars.REPORT_NOTE, "卫健局已派人"));

        WhistleSummons gaSummons = summons(whistle, "GA");
        assertThat(gaSummons.getReportedAt()).isNotNull();
        assertThat(gaSummons.getReportedBy()).isEqualTo("s01-ga-head");
        assertThat(gaSummons.getReportNote()).isEqualTo("派出所民警已到场");
        assertThat(gaSummons.getReportMinutes()).isEqualTo(90);
        assertThat(gaSummons.isLate()).isFalse();
        assertThat(gaSummons.getEscalatedAt()).isNull();
        assertThat(caseOf(pi).getStatus()).isEqualTo(CaseStatus.HANDLING);

        assertThat(pi).isWaitingAt(Elements.HANDLE);
        assertThat(candidateGroups(task(pi, Elements.HANDLE))).containsExactly("street-office-S01");
        assertThat(task(pi, Elements.HANDLE).getDueDate()).isEqualTo(toDate(whistle.getHandlingDeadline()));
        complete("s01-off", task(pi, Elements.HANDLE), Map.of(Vars.HANDLING_NOTE, "联合清理完毕"));
        assertThat(task(pi, Elements.CONFIRM).getDueDate()).isNotNull();
        complete("s01-off", task(pi, Elements.CONFIRM), Map.of(Vars.RESOLVED, true));
        complete("s01-off", task(pi, Elements.FOLLOW_UP), Map.of(Vars.SATISFACTION, 4));

        assertThat(pi).hasPassedInOrder(Elements.START, Elements.DETERMINE_SLA, Elements.APPLY_SLA, Elements.REPORT,
                Elements.HANDLE, Elements.CONFIRM, Elements.FOLLOW_UP, Elements.CLOSE, Elements.CLOSED);
        assertThat(pi).hasNotPassed(Elements.ESCALATE, Elements.REOPEN);
        assertThat(pi).isEnded().variables().containsEntry(Vars.OUTCOME, "CLOSED").containsEntry(Vars.REOPEN_COUNT, 0);
        WhistleCase closed = caseOf(pi);
        assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.getOutcome()).isEqualTo("CLOSED");
        assertThat(closed.getSatisfaction()).isEqualTo(4);
        assertThat(closed.getReopenCount()).isZero();
        assertThat(closed.getClosedAt()).isNotNull();
        assertThat(cases.summonses(closed.getId())).extracting(WhistleSummons::getSatisfaction).containsOnly(4);
        assertThat(cases.decisions(closed.getId())).extracting(CaseDecision::getTaskKey, CaseDecision::getDecision,
                CaseDecision::getActorUser, CaseDecision::getActorGroup).containsExactly(
                Tuple.tuple(Elements.REPORT, "REPORTED", "s01-ga-head", "agency-S01-GA"),
                Tuple.tuple(Elements.REPORT, "REPORTED", "wj-off", "dept-WJ"),
                Tuple.tuple(Elements.HANDLE, "HANDLED", "s01-off", "street-office-S01"),
                Tuple.tuple(Elements.CONFIRM, "true", "s01-off", "street-office-S01"),
                Tuple.tuple(Elements.FOLLOW_UP, "4", "s01-off", "street-office-S01"),
                Tuple.tuple(Elements.CLOSE, "CLOSED", null, null));
        assertThat(cases.decisions(closed.getId())).extracting(CaseDecision::getCaseNo, CaseDecision::getProcessKey)
                .containsOnly(Tuple.tuple(closed.getCaseNo(), WhistleProcess.KEY));
        assertThat(cases.decisions(closed.getId())).filteredOn(d -> Elements.CONFIRM.equals(d.getTaskKey()))
                .extracting(CaseDecision::getDecisionLabel, CaseDecision::getStepName)
                .containsExactly(Tuple.tuple("已解决", "街道确认办理结果"));
        // no reminder or escalation: only the new tasks and the end told to the starter
        assertThat(cases.notifications(closed.getId())).extracting(CaseNotification::getKind)
                .containsOnly(NoticeKind.NEW_TASK, NoticeKind.CASE_END);
        // the audit trail records the same decisions with the declared variables (TaskDecisions)
        assertThat(audit.trail(pi.getId())).filteredOn(r -> r.getEventType() == AuditEventType.TASK_COMPLETED)
                .extracting(r -> r.getActivityId(), r -> r.getActorId())
                .contains(Tuple.tuple(Elements.REPORT, "s01-ga-head"), Tuple.tuple(Elements.FOLLOW_UP, "s01-off"));
    }

    @Test
    void shouldRouteToTheAgencyOfTheWhistlingTown() {
        ProcessInstance pi = blow("t01-off", "T01", "URGENT", "[\"CGZF\",\"ZRZY\"]");
        assertThat(candidateGroups(reportTask(pi, "CGZF"))).containsExactly("agency-T01-CGZF");
        assertThat(candidateGroups(reportTask(pi, "ZRZY"))).containsExactly("dept-ZRZY");
        // another street's agency may not report for it
        Task cgzf = reportTask(pi, "CGZF");
        assertThatThrownBy(() -> complete("s01-ga-head", cgzf, Map.of(Vars.REPORT_NOTE, "x")))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    }

    // ---- deadlines per urgency from DMN whistle-sla ----

    @Test
    void shouldShowDeadlinesInTheDistrictsZoneWhateverTheServersZone() {
        java.util.TimeZone serverZone = java.util.TimeZone.getDefault();
        try {
            // a server left at UTC, as the Docker image is: 00:00 UTC is 08:00 in Beijing
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
                    Date.from(java.time.Instant.parse("2026-03-02T00:00:00Z")));
            ProcessInstance pi = blow("s01-off", "S01", "CRITICAL", "GA");
            assertThat(runtimeService.getVariable(pi.getId(), Vars.REPORT_DEADLINE_TEXT)).isEqualTo("2026-03-02 10:00");
            assertThat(caseOf(pi).getReportDeadline()).isEqualTo(LocalDateTime.of(2026, 3, 2, 10, 0));
            assertThat(reportTask(pi, "GA").getDueDate()).isEqualTo(Date.from(java.time.Instant.parse("2026-03-02T02:00:00Z")));
        } finally {
            java.util.TimeZone.setDefault(serverZone);
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    @ParameterizedTest(name = "{0}: report {1} min, handling {2} min")
    @CsvSource({"CRITICAL, 120, 1440", "URGENT, 1440, 4320", "NORMAL, 4320, 14400"})
    void shouldTakeTheDeadlinesOfEachUrgencyFromDmn(String urgency, int reportMinutes, int handlingMinutes) {
        ProcessInstance pi = blow("s02-off", "S02", urgency, "SCJG");
        WhistleCase whistle = caseOf(pi);

        assertThat(pi).hasPassed(Elements.DETERMINE_SLA, Elements.APPLY_SLA);
        assertThat(whistle.getReportMinutes()).isEqualTo(reportMinutes);
        assertThat(whistle.getHandlingMinutes()).isEqualTo(handlingMinutes);
        assertThat(Duration.between(whistle.getCreatedAt().truncatedTo(ChronoUnit.SECONDS), whistle.getReportDeadline()).toMinutes()).isEqualTo(reportMinutes);
        assertThat(Duration.between(whistle.getCreatedAt().truncatedTo(ChronoUnit.SECONDS), whistle.getHandlingDeadline()).toMinutes()).isEqualTo(handlingMinutes);
        assertThat(summons(whistle, "SCJG").getDeadline()).isEqualTo(whistle.getReportDeadline());

        Task report = reportTask(pi, "SCJG");
        assertThat(report.getDueDate()).isEqualTo(toDate(whistle.getReportDeadline()));
        Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(toDate(whistle.getReportDeadline()));
        assertThat(pi).variables().containsEntry(Vars.REPORT_MINUTES, reportMinutes)
                .containsEntry(Vars.HANDLING_MINUTES, handlingMinutes);
    }

    // ---- late report, escalation ----

    @Test
    void shouldMarkLateAndEscalateToTheDepartmentWhenTheDeadlinePasses() {
        ProcessInstance pi = blow("s01-off", "S01", "CRITICAL", "GA,SCJG");
        WhistleCase whistle = caseOf(pi);
        complete("s01-scjg-head", reportTask(pi, "SCJG"), Map.of(Vars.REPORT_NOTE, "市场监管所已到场"));

        advanceClockAndRunDueJobs(pi, 119);
        assertThat(summons(whistle, "GA").isLate()).isFalse();
        assertThat(pi).hasNotPassed(Elements.ESCALATE);

        advanceClockAndRunDueJobs(pi, 2);
        assertThat(pi).hasPassed(Elements.REPORT_DEADLINE, Elements.ESCALATE, Elements.ESCALATED);
        Task ga = reportTask(pi, "GA");
        assertThat(pi).isWaitingAt(Elements.REPORT);
        WhistleSummons late = summons(whistle, "GA");
        assertThat(late.isLate()).isTrue();
        assertThat(late.getEscalatedAt()).isNotNull();
        assertThat(late.getReportedAt()).isNull();
        assertThat(cases.notifications(whistle.getId())).filteredOn(n -> n.getKind() != NoticeKind.NEW_TASK)
                .singleElement().satisfies(n -> {
                    assertThat(n.getKind()).isEqualTo(NoticeKind.ESCALATION);
                    assertThat(n.getRecipientGroup()).isEqualTo("dept-GA");
                    assertThat(n.getMessage()).contains(whistle.getCaseNo()).contains("东华派出所")
                            .doesNotContain("agency-S01-GA");
                });
        assertThat(audit.trail(pi.getId())).filteredOn(r -> r.getEventType() == AuditEventType.ESCALATION)
                .singleElement().satisfies(r -> {
                    assertThat(r.getActivityId()).isEqualTo(Elements.ESCALATE);
                    assertThat(r.getPayload()).contains("dept-GA").contains("agency-S01-GA");
                });
        // the department's leadership now sees the overdue task too
        assertThat(candidateGroups(ga)).containsExactlyInAnyOrder("agency-S01-GA", "dept-GA");
        // the escalation is recorded once, the other department (reported) is not escalated
        assertThat(summons(whistle, "SCJG").isLate()).isFalse();

        advanceClockAndRunDueJobs(pi, 30);
        complete("s01-ga-head", ga, Map.of(Vars.REPORT_NOTE, "迟到报到"));
        WhistleSummons reported = summons(whistle, "GA");
        assertThat(reported.isLate()).isTrue();
        assertThat(reported.getReportMinutes()).isEqualTo(151);
        assertThat(cases.decisions(whistle.getId())).extracting(CaseDecision::getDecision)
                .containsExactly("REPORTED", "REPORTED_LATE");
        assertThat(pi).isWaitingAt(Elements.HANDLE);
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void shouldLetTheDepartmentReportAfterEscalation() {
        ProcessInstance pi = blow("s03-off", "S03", "URGENT", "GA");
        advanceClockAndRunDueJobs(pi, 24 * 60 + 1);
        complete("ga-off", reportTask(pi, "GA"), Map.of(Vars.REPORT_NOTE, "分局督办后到场"));
        WhistleSummons summons = summons(caseOf(pi), "GA");
        assertThat(summons.isLate()).isTrue();
        assertThat(summons.getReportedBy()).isEqualTo("ga-off");
        assertThat(pi).isWaitingAt(Elements.HANDLE);
    }

    // ---- confirmation loop ----

    @Test
    void shouldGoBackToHandlingWhenTheStreetFindsItNotResolved() {
        ProcessInstance pi = toConfirmation("S02", "s02-off", "WJ", "wj-off");
        complete("s02-off", task(pi, Elements.CONFIRM), Map.of(Vars.RESOLVED, false, Vars.CONFIRM_COMMENT, "仍有积水"));

        assertThat(pi).isWaitingAt(Elements.HANDLE);
        assertThat(caseOf(pi).getStatus()).isEqualTo(CaseStatus.HANDLING);
        complete("s02-off", task(pi, Elements.HANDLE), Map.of(Vars.HANDLING_NOTE, "再次抽水"));
        complete("s02-off", task(pi, Elements.CONFIRM), Map.of(Vars.RESOLVED, "true"));
        assertThat(pi).isWaitingAt(Elements.FOLLOW_UP);
        assertThat(caseOf(pi).getStatus()).isEqualTo(CaseStatus.FOLLOW_UP);
        assertThat(cases.decisions(caseOf(pi).getId())).extracting(CaseDecision::getDecision, CaseDecision::getComment)
                .contains(Tuple.tuple("false", "仍有积水"),
                        Tuple.tuple("true", null));
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(Elements.HANDLE).count()).isEqualTo(2);
    }

    // ---- follow-up visit ----

    @Test
    void shouldReopenOnceOnLowSatisfactionAndCloseWhenSatisfied() {
        ProcessInstance pi = toFollowUp("S01", "s01-off", "CGZF", "s01-cgzf-head");
        complete("s01-off", task(pi, Elements.FOLLOW_UP), Map.of(Vars.SATISFACTION, 2L));

        assertThat(pi).hasPassed(Elements.REOPEN).isWaitingAt(Elements.HANDLE);
        assertThat(pi).variables().containsEntry(Vars.REOPEN_COUNT, 1);
        WhistleCase reopened = caseOf(pi);
        assertThat(reopened.getReopenCount()).isEqualTo(1);
        assertThat(reopened.getStatus()).isEqualTo(CaseStatus.HANDLING);
        assertThat(reopened.getSatisfaction()).isEqualTo(2);

        complete("s01-off", task(pi, Elements.HANDLE), Map.of(Vars.HANDLING_NOTE, "重新整改"));
        complete("s01-off", task(pi, Elements.CONFIRM), Map.of(Vars.RESOLVED, true));
        complete("s01-off", task(pi, Elements.FOLLOW_UP), Map.of(Vars.SATISFACTION, 5));

        assertThat(pi).isEnded().variables().containsEntry(Vars.OUTCOME, "CLOSED").containsEntry(Vars.REOPEN_COUNT, 1);
        WhistleCase closed = caseOf(pi);
        assertThat(closed.getSatisfaction()).isEqualTo(5);
        assertThat(summons(closed, "CGZF").getSatisfaction()).isEqualTo(5);
        assertThat(closed.getReopenCount()).isEqualTo(1);
        assertThat(cases.decisions(closed.getId())).extracting(CaseDecision::getDecision)
                .containsSubsequence("2", "REOPENED", "HANDLED", "true", "5", "CLOSED");
    }

    @Test
    void shouldCloseOnTheSecondLowScore() {
        ProcessInstance pi = toFollowUp("S01", "s01-off", "SCJG", "s01-scjg-head");
        complete("s01-off", task(pi, Elements.FOLLOW_UP), Map.of(Vars.SATISFACTION, 1));
        complete("s01-off", task(pi, Elements.HANDLE), Map.of(Vars.HANDLING_NOTE, "重新整改"));
        complete("s01-off", task(pi, Elements.CONFIRM), Map.of(Vars.RESOLVED, true));
        complete("s01-off", task(pi, Elements.FOLLOW_UP), Map.of(Vars.SATISFACTION, 2));

        assertThat(pi).isEnded().hasPassed(Elements.CLOSED);
        assertThat(pi).variables().containsEntry(Vars.OUTCOME, "CLOSED").containsEntry(Vars.REOPEN_COUNT, 1);
        WhistleCase closed = caseOf(pi);
        assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.getSatisfaction()).isEqualTo(2);
        assertThat(closed.getReopenCount()).isEqualTo(1);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(Elements.REOPEN).count()).isEqualTo(1);
    }

    // ---- sources, categories and the routing rule (网上分流移交, whistle-routing.dmn) ----

    @Test
    void shouldSummonTheDepartmentsTheRoutingRuleGivesForTheCategory() {
        Map<String, Object> vars = StartVariables.whistle("S01", null, "URGENT", "餐馆疑似食物中毒", "和平路 3 号");
        vars.put(Vars.SOURCE, "HOTLINE");
        vars.put(Vars.HOTLINE_TICKET_NO, "12345-20261203-0042");
        vars.put(Vars.CATEGORY, "FOOD_SAFETY");
        ProcessInstance pi = as("s01-off", () -> runtimeService.startProcessInstanceByKey(WhistleProcess.KEY, vars));

        assertThat(pi).hasPassed(Elements.ROUTE_CATEGORY, Elements.SUMMON).isWaitingAt(Elements.REPORT);
        WhistleCase whistle = caseOf(pi);
        assertThat(whistle.getSource().name()).isEqualTo("HOTLINE");
        assertThat(whistle.getHotlineTicketNo()).isEqualTo("12345-20261203-0042");
        assertThat(whistle.getCategory().name()).isEqualTo("FOOD_SAFETY");
        assertThat(whistle.getRoutingReason()).isNull();
        assertThat(cases.summonedDepartments(whistle.getId())).containsExactly("SCJG", "WJ");
        assertThat(summons(whistle, "SCJG").getOrigin()).isEqualTo(WhistleSummons.ORIGIN_RULE);
        assertThat(summons(whistle, "SCJG").getRoutedGroup()).isEqualTo("agency-S01-SCJG");
        assertThat(summons(whistle, "WJ").getRoutedGroup()).isEqualTo("dept-WJ");
        assertThat(runtimeService.getVariable(pi.getId(), Vars.ROUTED_DEPT_CODES)).isEqualTo("SCJG,WJ");
        assertThat(runtimeService.getVariable(pi.getId(), Vars.DEPT_NAMES)).isEqualTo("市场监管局、卫生健康局");
    }

    @Test
    void shouldKeepTheStreetsReasonWhenItSummonsOtherDepartmentsThanTheRule() {
        String summary = "routing-" + UUID.randomUUID();
        Map<String, Object> vars = StartVariables.whistle("S01", "GA,WJ", "NORMAL", summary, "夜市");
        vars.put(Vars.SOURCE, "GRID");
        vars.put(Vars.CATEGORY, "NOISE");
        // the rule gives GA and CGZF: without a reason the start is refused and nothing is written
        assertThatThrownBy(() -> as("s01-off", () -> runtimeService.startProcessInstanceByKey(WhistleProcess.KEY, vars)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("与“噪声扰民”的分流规则（公安分局、城市管理和综合执法局）不同，请说明增减部门的理由");
        assertThat(jdbc.queryForObject("select count(*) from whistle_case where summary = ?", Long.class, summary)).isZero();

        vars.put(Vars.ROUTING_REASON, "噪声来自居民家中的养犬，需卫健部门协助狂犬病防控");
        ProcessInstance pi = as("s01-off", () -> runtimeService.startProcessInstanceByKey(WhistleProcess.KEY, vars));
        WhistleCase whistle = caseOf(pi);
        assertThat(whistle.getSource().name()).isEqualTo("GRID");
        assertThat(whistle.getRoutingReason()).startsWith("噪声来自居民家中");
        assertThat(cases.summonedDepartments(whistle.getId())).containsExactly("GA", "WJ");
        assertThat(summons(whistle, "GA").getOrigin()).isEqualTo(WhistleSummons.ORIGIN_RULE);
        assertThat(summons(whistle, "WJ").getOrigin()).isEqualTo(WhistleSummons.ORIGIN_STREET);
    }

    // ---- 巡查—制止—移交执法 (002) ----

    @Test
    void shouldEndTheCaseWhenTheStreetsOwnDissuasionWorks() {
        Map<String, Object> vars = StartVariables.whistle("S01", null, "NORMAL", "早市摊贩占道", "东华路口");
        vars.put(Vars.SOURCE, "PATROL");
        vars.put(Vars.CATEGORY, "STREET_VENDING");
        vars.put(Vars.STOP_FIRST, true);
        ProcessInstance pi = as("s01-off", () -> runtimeService.startProcessInstanceByKey(WhistleProcess.KEY, vars));
        assertThat(pi).hasPassed(Elements.ROUTE_CATEGORY, Elements.DISSUADE_FIRST_GATEWAY).isWaitingAt(Elements.DISSUADE)
                .hasNotPassed(Elements.SUMMON);
        WhistleCase whistle = caseOf(pi);
        assertThat(whistle.getStatus()).isEqualTo(CaseStatus.DISSUADING);
        assertThat(cases.summonedDepartments(whistle.getId())).isEmpty();
        Task dissuade = task(pi, Elements.DISSUADE);
        assertThat(candidateGroups(dissuade)).containsExactly("street-office-S01");
        assertThat(dissuade.getDueDate()).isNotNull();
        assertThatThrownBy(() -> complete("s01-off", dissuade, Map.of(Vars.DISSUADED, "true")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasRootCauseMessage("请填写劝导制止情况");
        complete("s01-off", dissuade, Map.of(Vars.DISSUADED, "true", Vars.DISSUADE_NOTE, "经劝导，摊贩已自行撤离"));

        assertThat(pi).isEnded().hasPassed(Elements.STOPPED).hasNotPassed(Elements.SUMMON, Elements.REPORT);
        whistle = caseOf(pi);
        assertThat(whistle.getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(whistle.getOutcome()).isEqualTo(WhistleCaseService.OUTCOME_STOPPED);
        assertThat(whistle.getDissuadeNote()).isEqualTo("经劝导，摊贩已自行撤离");
        assertThat(cases.summonedDepartments(whistle.getId())).isEmpty();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(Vars.OUTCOME).singleResult().getValue()).isEqualTo("STOPPED");
    }

    @Test
    void shouldHandOverToTheDepartmentsWhenDissuasionFails() {
        Map<String, Object> vars = StartVariables.whistle("S01", null, "URGENT", "违章搭建", "南巷 5 号");
        vars.put(Vars.SOURCE, "GRID");
        vars.put(Vars.CATEGORY, "ILLEGAL_CONSTRUCTION");
        vars.put(Vars.STOP_FIRST, "true");
        ProcessInstance pi = as("s01-off", () -> runtimeService.startProcessInstanceByKey(WhistleProcess.KEY, vars));
        complete("s01-off", task(pi, Elements.DISSUADE), Map.of(Vars.DISSUADED, "false", Vars.DISSUADE_NOTE, "当事人拒不停工"));

        assertThat(pi).hasPassed(Elements.DISSUADED_GATEWAY, Elements.JOIN_ROUTING, Elements.SUMMON)
                .isWaitingAt(Elements.REPORT).hasNotPassed(Elements.STOPPED);
        WhistleCase whistle = caseOf(pi);
        assertThat(whistle.getStatus()).isEqualTo(CaseStatus.REPORTING);
        assertThat(cases.summonedDepartments(whistle.getId())).containsExactly("CGZF", "ZRZY");
        assertThat(reportTask(pi, "CGZF")).isNotNull();
    }

    @Test
    void shouldRefuseADissuadeFirstWhistleWhoseHandOverCouldNotBeSummoned() {
        String summary = "refused-" + UUID.randomUUID();
        Map<String, Object> vars = StartVariables.whistle("S01", null, "NORMAL", summary, null);
        vars.put(Vars.STOP_FIRST, true); // category OTHER: no rule, and no department chosen
        assertThatThrownBy(() -> as("s01-off", () -> runtimeService.startProcessInstanceByKey(WhistleProcess.KEY, vars)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("请至少选择一个被召集的部门");
        assertThat(jdbc.queryForObject("select count(*) from whistle_case where summary = ?", Long.class, summary)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "hotline without ticket | HOTLINE | ''        | FOOD_SAFETY | 12345 热线转来的问题须填写工单编号",
        "bad ticket             | HOTLINE | '<x>'     | FOOD_SAFETY | 工单编号应为 4–32 位字母、数字或短横线",
        "unknown source         | WECHAT  | ''        | OTHER       | 问题来源无效",
        "unknown category       | PATROL  | ''        | DOGS        | 问题类别无效",
    })
    void shouldRefuseABadSourceOrCategory(String why, String source, String ticket, String category, String message) {
        String summary = "refused-" + UUID.randomUUID();
        Map<String, Object> vars = StartVariables.whistle("S01", "GA", "NORMAL", summary, null);
        vars.put(Vars.SOURCE, source);
        vars.put(Vars.HOTLINE_TICKET_NO, ticket);
        vars.put(Vars.CATEGORY, category);
        assertThatThrownBy(() -> as("s01-off", () -> runtimeService.startProcessInstanceByKey(WhistleProcess.KEY, vars)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
        assertThat(jdbc.queryForObject("select count(*) from whistle_case where summary = ?", Long.class, summary)).isZero();
    }

    // ---- refused input ----

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown department | s01-off | S01 | NORMAL  | GA,XX  | 未知或已停用的部门: XX",
        "empty list         | s01-off | S01 | NORMAL  | ''     | 请至少选择一个被召集的部门",
        "unknown org        | s01-off | S99 | NORMAL  | GA     | 未知或已停用的街道/镇: S99",
        "other street       | s02-off | S01 | NORMAL  | GA     | 只能为本街道/镇吹哨",
        "bad urgency        | s01-off | S01 | HIGH    | GA     | 紧急程度无效",
    })
    void shouldRefuseAnInvalidWhistleAndLeaveNothingBehind(String why, String user, String org, String urgency,
            String depts, String message) {
        String summary = "refused-" + UUID.randomUUID();
        assertThatThrownBy(() -> blow(user, org, urgency, depts, summary))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(message);

        assertThat(jdbc.queryForObject("select count(*) from whistle_case where summary = ?", Long.class, summary)).isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().variableName(Vars.SUMMARY)
                .variableValueEquals(Vars.SUMMARY, summary).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(WhistleProcess.KEY)
                .variableValueEquals(Vars.SUMMARY, summary).count()).isZero();
    }

    @Test
    void shouldRefuseACompletionWithoutTheRequiredDecision() {
        ProcessInstance pi = blow("s01-off", "S01", "NORMAL", "SCJG,GA");
        complete("s01-scjg-head", reportTask(pi, "SCJG"), Map.of(Vars.REPORT_NOTE, "市场监管所已到场"));
        Task report = reportTask(pi, "GA");
        // another department's note does not count for this one
        assertThatThrownBy(() -> complete("s01-ga-head", report, Map.of()))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasRootCauseMessage("请填写报到说明");
        assertThatThrownBy(() -> complete("s01-ga-head", report, Map.of(Vars.REPORT_NOTE, "  ")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasRootCauseMessage("请填写报到说明");
        assertThat(summons(caseOf(pi), "GA").getReportedAt()).isNull();
        assertThat(pi).isWaitingAt(Elements.REPORT);
    }

    @Test
    void shouldRefuseASatisfactionOutsideOneToFive() {
        ProcessInstance pi = toFollowUp("S02", "s02-off", "GA", "s02-ga-head");
        assertThatThrownBy(() -> complete("s02-off", task(pi, Elements.FOLLOW_UP), Map.of(Vars.SATISFACTION, 6)))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("1 到 5");
        assertThat(pi).isWaitingAt(Elements.FOLLOW_UP);
        assertThat(caseOf(pi).getSatisfaction()).isNull();
    }

    // ---- helpers ----

    private ProcessInstance blow(String user, String org, String urgency, String depts) {
        return blow(user, org, urgency, depts, "道路积水，多部门协同处置");
    }

    private ProcessInstance blow(String user, String org, String urgency, String depts, String summary) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.ORG_CODE, org);
        vars.put(Vars.SUMMARY, summary);
        vars.put(Vars.LOCATION, "和平路 12 号");
        vars.put(Vars.URGENCY, urgency);
        // a JSON array as Tasklist submits it (type Json), or a comma-separated String
        vars.put(Vars.DEPT_CODES, depts.startsWith("[") ? Spin.JSON(depts) : depts);
        return as(user, () -> runtimeService.startProcessInstanceByKey(WhistleProcess.KEY, vars));
    }

    private ProcessInstance toConfirmation(String org, String streetUser, String dept, String deptUser) {
        ProcessInstance pi = blow(streetUser, org, "URGENT", dept);
        complete(deptUser, reportTask(pi, dept), Map.of(Vars.REPORT_NOTE, "已到场"));
        complete(streetUser, task(pi, Elements.HANDLE), Map.of(Vars.HANDLING_NOTE, "联合处置完毕"));
        assertThat(pi).isWaitingAt(Elements.CONFIRM);
        return pi;
    }

    private ProcessInstance toFollowUp(String org, String streetUser, String dept, String deptUser) {
        ProcessInstance pi = toConfirmation(org, streetUser, dept, deptUser);
        complete(streetUser, task(pi, Elements.CONFIRM), Map.of(Vars.RESOLVED, true));
        assertThat(pi).isWaitingAt(Elements.FOLLOW_UP);
        return pi;
    }

    private Task reportTask(ProcessInstance pi, String deptCode) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(Elements.REPORT).list().stream()
                .filter(t -> deptCode.equals(taskService.getVariable(t.getId(), Vars.DEPT_CODE))).toList();
        assertThat(tasks).as("report task of %s", deptCode).hasSize(1);
        return tasks.get(0);
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
    }

    private WhistleCase caseOf(ProcessInstance pi) {
        return cases.findByCaseNo(pi.getBusinessKey()).orElseThrow();
    }

    private WhistleSummons summons(WhistleCase whistle, String deptCode) {
        return cases.summons(whistle.getId(), deptCode);
    }

    private void advanceClock(long minutes) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + minutes * 60_000L));
    }

    private static Date toDate(LocalDateTime time) {
        return CaseClock.toDate(time);
    }
}
