package cn.streetgov.delegation.process;

import static cn.streetgov.delegation.process.PowerDelegationProcess.CONFIRM_STAFFING;
import static cn.streetgov.delegation.process.PowerDelegationProcess.KEY;
import static cn.streetgov.delegation.process.PowerDelegationProcess.REVIEW_CAPACITY;
import static cn.streetgov.test.DeadlineChecks.AN_HOUR;
import static cn.streetgov.test.DeadlineChecks.HALF_A_DAY;
import static cn.streetgov.test.DeadlineChecks.after;
import static cn.streetgov.test.DeadlineChecks.before;
import static cn.streetgov.test.DeadlineChecks.recipients;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.casework.DeadlineSweep;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.Notifications;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import cn.streetgov.test.ProcessTestSupport;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Deadlines of {@code power-delegation}: reminders before, escalations after, each once. */
class PowerDelegationDeadlinesTest extends ProcessTestSupport {

    @Autowired
    DeadlineSweep sweep;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clearCatalog() {
        DelegationTestData.clearCatalog(jdbc);
    }

    @Test
    void shouldEscalateALateCapacityReviewToBianbanAndRemindAndEscalateTheStaffingStep() {
        ProcessInstance pi = as("cgzf-off", () -> runtimeService.startProcessInstanceByKey(KEY,
                PowerDelegationProcessTest.proposal("CGZF", List.of("CGZF-XK-001"), List.of("S01"))));
        Task capacity = task(pi, REVIEW_CAPACITY);

        // the capacity review has its own BPMN reminder: the sweep sends none
        before(capacity, HALF_A_DAY);
        assertThat(sweep.sweepCase(pi.getId())).isEqualTo(new DeadlineSweep.Result(0, 0));
        after(capacity, AN_HOUR);
        assertThat(sweep.sweepCase(pi.getId()).escalated()).isEqualTo(1);
        assertThat(recipients(notifications, pi, NoticeKind.ESCALATION)).containsExactly("bianban");
        assertThat(sweep.sweepCase(pi.getId())).isEqualTo(new DeadlineSweep.Result(0, 0));

        complete("s01-off", capacity, Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        Task staffing = task(pi, CONFIRM_STAFFING);
        before(staffing, HALF_A_DAY);
        assertThat(sweep.sweepCase(pi.getId()).reminded()).isEqualTo(1);
        assertThat(recipients(notifications, pi, NoticeKind.REMINDER)).containsExactly("bianban");
        after(staffing, AN_HOUR);
        assertThat(sweep.sweepCase(pi.getId()).escalated()).isEqualTo(1);
        assertThat(recipients(notifications, pi, NoticeKind.ESCALATION))
                .containsExactly("bianban", "district-government");

        assertThat(sweep.sweepCase(pi.getId())).isEqualTo(new DeadlineSweep.Result(0, 0));
        assertThat(recipients(notifications, pi, NoticeKind.REMINDER)).hasSize(1);
    }
}
