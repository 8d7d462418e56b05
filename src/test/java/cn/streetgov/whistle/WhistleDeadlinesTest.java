package cn.streetgov.whistle;

import static cn.streetgov.test.DeadlineChecks.AN_HOUR;
import static cn.streetgov.test.DeadlineChecks.HALF_A_DAY;
import static cn.streetgov.test.DeadlineChecks.after;
import static cn.streetgov.test.DeadlineChecks.before;
import static cn.streetgov.test.DeadlineChecks.notices;
import static cn.streetgov.test.DeadlineChecks.recipients;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.audit.AuditEventType;
import cn.streetgov.audit.AuditTrail;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.DeadlineSweep;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.Notifications;
import cn.streetgov.test.ProcessTestSupport;
import cn.streetgov.whistle.process.WhistleProcess;
import cn.streetgov.whistle.process.WhistleProcess.Elements;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Deadlines of {@code whistle-dispatch}: one reminder before, one escalation after, never twice. */
class WhistleDeadlinesTest extends ProcessTestSupport {

    @Autowired
    DeadlineSweep sweep;
    @Autowired
    Notifications notifications;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldRemindTheStreetOfficeBeforeAndEscalateToTheDistrictAfterTheHandlingDeadline() {
        ProcessInstance pi = blow();
        complete("s01-ga-head", task(pi, Elements.REPORT), Map.of(Vars.REPORT_NOTE, "已到场"));
        Task handle = task(pi, Elements.HANDLE);

        before(handle, HALF_A_DAY);
        assertThat(sweep.sweepCase(pi.getId()).reminded()).isEqualTo(1);
        assertThat(recipients(notifications, pi, NoticeKind.REMINDER)).containsExactly("street-office-S01");
        String due = CaseClock.toLocal(handle.getDueDate()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        assertThat(notices(notifications, pi, NoticeKind.REMINDER).get(0).getMessage())
                .contains(pi.getBusinessKey(), "联合处置", due, "到期");
        assertThat(sweep.sweepCase(pi.getId())).isEqualTo(new DeadlineSweep.Result(0, 0));

        after(handle, AN_HOUR);
        assertThat(sweep.sweepCase(pi.getId()).escalated()).isEqualTo(1);
        assertThat(recipients(notifications, pi, NoticeKind.ESCALATION)).containsExactly("district-government");
        assertThat(notices(notifications, pi, NoticeKind.ESCALATION).get(0).getMessage())
                .contains(pi.getBusinessKey(), "联合处置", "逾期", "东华街道办事处").doesNotContain("street-office-S01");
        assertThat(audit.trail(pi.getId())).filteredOn(r -> r.getEventType() == AuditEventType.ESCALATION)
                .singleElement().satisfies(r -> {
                    assertThat(r.getTaskId()).isEqualTo(handle.getId());
                    assertThat(r.getActorId()).isEqualTo("system");
                });
        assertThat(audit.verify(pi.getId()).intact()).isTrue();

        assertThat(sweep.sweepCase(pi.getId())).isEqualTo(new DeadlineSweep.Result(0, 0));
        assertThat(notices(notifications, pi, NoticeKind.REMINDER)).hasSize(1);
        assertThat(notices(notifications, pi, NoticeKind.ESCALATION)).hasSize(1);
    }

    /** The street's own later steps stay with its committee: only the joint handling goes to the district (督办). */
    @Test
    void shouldEscalateALateConfirmationToTheStreetCommittee() {
        ProcessInstance pi = blow();
        complete("s01-ga-head", task(pi, Elements.REPORT), Map.of(Vars.REPORT_NOTE, "已到场"));
        complete("s01-off", task(pi, Elements.HANDLE), Map.of(Vars.HANDLING_NOTE, "已清理占道摊位"));
        Task confirm = task(pi, Elements.CONFIRM);
        after(confirm, AN_HOUR);
        assertThat(sweep.sweepCase(pi.getId()).escalated()).isEqualTo(1);
        assertThat(recipients(notifications, pi, NoticeKind.ESCALATION)).containsExactly("street-committee-S01");
    }

    @Test
    void shouldRemindALateReportButLeaveItsEscalationToTheBpmnTimer() {
        ProcessInstance pi = blow();
        Task report = task(pi, Elements.REPORT);

        before(report, AN_HOUR);
        sweep.sweepCase(pi.getId());
        assertThat(recipients(notifications, pi, NoticeKind.REMINDER)).containsExactly("agency-S01-GA");

        after(report, AN_HOUR);
        assertThat(sweep.sweepCase(pi.getId()).escalated()).isZero();
        runDueJobs(pi);
        // the report-deadline timer escalates to the department, once
        assertThat(recipients(notifications, pi, NoticeKind.ESCALATION)).containsExactly("dept-GA");
        sweep.sweepCase(pi.getId());
        assertThat(recipients(notifications, pi, NoticeKind.ESCALATION)).containsExactly("dept-GA");
    }

    @Test
    void shouldSendOneEscalationWhenTwoNodesSweepAtTheSameMoment() throws Exception {
        ProcessInstance pi = blow();
        complete("s01-ga-head", task(pi, Elements.REPORT), Map.of(Vars.REPORT_NOTE, "已到场"));
        Task handle = task(pi, Elements.HANDLE);
        after(handle, AN_HOUR);

        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<DeadlineSweep.Result>> nodes = List.of(1, 2).stream()
                .map(n -> CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return sweep.sweepCase(pi.getId());
                })).toList();
        int escalated = 0;
        for (CompletableFuture<DeadlineSweep.Result> node : nodes) {
            escalated += node.get().escalated();
        }

        assertThat(escalated).isEqualTo(1);
        assertThat(recipients(notifications, pi, NoticeKind.ESCALATION)).containsExactly("district-government");
        assertThat(jdbc.queryForObject("select count(*) from task_deadline_notice where task_id = ?", Integer.class,
                handle.getId())).isEqualTo(1);
        assertThat(audit.trail(pi.getId())).filteredOn(r -> r.getEventType() == AuditEventType.ESCALATION).hasSize(1);
    }

    private ProcessInstance blow() {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.ORG_CODE, "S01");
        vars.put(Vars.SUMMARY, "占道经营，需公安到场");
        vars.put(Vars.LOCATION, "和平路 3 号");
        vars.put(Vars.URGENCY, "NORMAL");
        vars.put(Vars.DEPT_CODES, "GA");
        return as("s01-off", () -> runtimeService.startProcessInstanceByKey(WhistleProcess.KEY, vars));
    }
}
