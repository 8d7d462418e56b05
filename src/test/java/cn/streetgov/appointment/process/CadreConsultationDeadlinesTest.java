package cn.streetgov.appointment.process;

import static cn.streetgov.appointment.process.ConsultationProcess.DEPT_DECISION;
import static cn.streetgov.appointment.process.ConsultationProcess.KEY;
import static cn.streetgov.appointment.process.ConsultationProcess.MEETING_DATE;
import static cn.streetgov.appointment.process.ConsultationProcess.STREET_OPINION;
import static cn.streetgov.appointment.process.ConsultationProcess.STREET_OPINION_VAR;
import static cn.streetgov.test.DeadlineChecks.AN_HOUR;
import static cn.streetgov.test.DeadlineChecks.HALF_A_DAY;
import static cn.streetgov.test.DeadlineChecks.after;
import static cn.streetgov.test.DeadlineChecks.before;
import static cn.streetgov.test.DeadlineChecks.recipients;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.DeadlineSweep;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.Notifications;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.test.ProcessTestSupport;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deadlines of {@code cadre-consultation}: the street's reply keeps its own BPMN reminder and
 * deadline; the department's decision is reminded and escalated to 组织部 by the sweep, once each.
 */
class CadreConsultationDeadlinesTest extends ProcessTestSupport {

    @Autowired
    DeadlineSweep sweep;
    @Autowired
    Notifications notifications;
    @Autowired
    OrgDirectory directory;

    @Test
    void shouldLeaveTheStreetReplyToItsTimersAndEscalateALateDepartmentDecisionToTheOrganisationDepartment() {
        directory.appointHead("S01-GA", "原所长甲", "东华派出所所长", LocalDate.of(2024, 1, 1));
        ProcessInstance pi = as("ga-off", () -> runtimeService.startProcessInstanceByKey(KEY,
                CadreConsultationProcessTest.proposal("S01-GA", "APPOINT", "新所长丁", "SECTION")));
        Task street = task(pi, STREET_OPINION);

        before(street, HALF_A_DAY);
        assertThat(sweep.sweepCase(pi.getId())).isEqualTo(new DeadlineSweep.Result(0, 0));
        after(street, AN_HOUR);
        assertThat(sweep.sweepCase(pi.getId())).isEqualTo(new DeadlineSweep.Result(0, 0));

        before(street, AN_HOUR);
        complete("s01-sec", street, Map.of(STREET_OPINION_VAR, "AGREE", MEETING_DATE, CaseClock.today().toString()));
        Task decision = task(pi, DEPT_DECISION);
        before(decision, HALF_A_DAY);
        assertThat(sweep.sweepCase(pi.getId()).reminded()).isEqualTo(1);
        assertThat(recipients(notifications, pi, NoticeKind.REMINDER)).containsExactly("dept-GA");

        after(decision, AN_HOUR);
        assertThat(sweep.sweepCase(pi.getId()).escalated()).isEqualTo(1);
        assertThat(recipients(notifications, pi, NoticeKind.ESCALATION)).containsExactly("org-dept");
        assertThat(sweep.sweepCase(pi.getId())).isEqualTo(new DeadlineSweep.Result(0, 0));
        assertThat(recipients(notifications, pi, NoticeKind.REMINDER)).containsExactly("dept-GA");
    }
}
