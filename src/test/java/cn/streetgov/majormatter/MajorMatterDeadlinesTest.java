package cn.streetgov.majormatter;

import static cn.streetgov.majormatter.MajorMatterTestData.matter;
import static cn.streetgov.test.DeadlineChecks.AN_HOUR;
import static cn.streetgov.test.DeadlineChecks.HALF_A_DAY;
import static cn.streetgov.test.DeadlineChecks.after;
import static cn.streetgov.test.DeadlineChecks.before;
import static cn.streetgov.test.DeadlineChecks.notices;
import static cn.streetgov.test.DeadlineChecks.recipients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.DeadlineSweep;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.Notifications;
import cn.streetgov.casework.OpinionDeadlines;
import cn.streetgov.majormatter.domain.MajorMatterService;
import cn.streetgov.majormatter.process.MajorMatterProcess;
import cn.streetgov.majormatter.process.MajorMatterProcess.Elements;
import cn.streetgov.majormatter.process.MajorMatterProcess.Vars;
import cn.streetgov.test.ProcessTestSupport;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deadlines of major-matter-consultation: the street's opinion keeps the kernel's reply deadline and
 * reminder (app.major-matter.reminder-before-deadline before it; the sweep leaves it alone); the
 * sender's answer and decision are reminded by the sweep and a department's late step is escalated
 * to the district government.
 */
class MajorMatterDeadlinesTest extends ProcessTestSupport {

    @Autowired
    DeadlineSweep sweep;
    @Autowired
    Notifications notifications;

    @Test
    void shouldRemindTheStreetTwoDaysBeforeTheDeadlineOnceAndLeaveItToItsTimers() {
        ProcessInstance pi = as("zrzy-off", () -> runtimeService.startProcessInstanceByKey(MajorMatterProcess.KEY,
                matter("ZRZY", "PLAN", "S01", 10)));
        Task street = task(pi, Elements.GIVE_OPINION);
        Date deadline = (Date) runtimeService.getVariable(pi.getId(), OpinionDeadlines.REPLY_DEADLINE);
        Date reminder = (Date) runtimeService.getVariable(pi.getId(), OpinionDeadlines.REMINDER_DATE);
        assertThat(street.getDueDate()).isEqualTo(deadline);
        assertThat(Duration.between(reminder.toInstant(), deadline.toInstant())).isEqualTo(Duration.ofDays(2));
        Job reminderTimer = managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId(Elements.OPINION_REMINDER).singleResult();
        assertThat(reminderTimer.getDuedate()).isEqualTo(reminder);

        // not before the reminder time
        ClockUtil.setCurrentTime(new Date(reminder.getTime() - 60_000));
        runDueJobs(pi);
        assertThat(recipients(notifications, pi, NoticeKind.REMINDER)).isEmpty();
        ClockUtil.setCurrentTime(new Date(reminder.getTime() + 60_000));
        runDueJobs(pi);
        assertThat(pi).hasPassed(Elements.SEND_REMINDER, Elements.REMINDER_SENT).isWaitingAt(Elements.GIVE_OPINION);
        assertThat(notices(notifications, pi, NoticeKind.REMINDER)).singleElement().satisfies(n -> {
            assertThat(n.getRecipientGroup()).isEqualTo("street-committee-S01");
            assertThat(n.getMessage()).contains("请于 " + CaseClock.toLocal(deadline).toLocalDate() + " 前召开会议", "规划");
        });
        // the sweep sends the street neither a second reminder nor an escalation
        before(street, HALF_A_DAY);
        assertThat(sweep.sweepCase(pi.getId())).isEqualTo(new DeadlineSweep.Result(0, 0));
        after(street, AN_HOUR);
        assertThat(sweep.sweepCase(pi.getId())).isEqualTo(new DeadlineSweep.Result(0, 0));
        runDueJobs(pi);
        assertThat(pi).hasPassed(Elements.RECORD_OVERDUE).isWaitingAt(Elements.DECIDE);
        assertThat(recipients(notifications, pi, NoticeKind.OVERDUE)).containsExactly("dept-ZRZY");
        assertThat(recipients(notifications, pi, NoticeKind.REMINDER)).containsExactly("street-committee-S01");
    }

    @Test
    void shouldRemindAndEscalateADepartmentsLateAnswerToTheDistrictGovernment() {
        ProcessInstance pi = as("zrzy-off", () -> runtimeService.startProcessInstanceByKey(MajorMatterProcess.KEY,
                matter("ZRZY", "PLAN", "S01", 10)));
        complete("s01-sec", task(pi, Elements.GIVE_OPINION), Map.of(Vars.OPINION, "SUPPORT",
                Vars.MEETING_DATE, CaseClock.today().toString()));
        Task answer = task(pi, Elements.ANSWER_OPINION);
        assertThat(answer.getDueDate()).isNotNull();
        before(answer, HALF_A_DAY);
        assertThat(sweep.sweepCase(pi.getId()).reminded()).isEqualTo(1);
        assertThat(recipients(notifications, pi, NoticeKind.REMINDER)).containsExactly("dept-ZRZY");
        after(answer, AN_HOUR);
        assertThat(sweep.sweepCase(pi.getId()).escalated()).isEqualTo(1);
        assertThat(recipients(notifications, pi, NoticeKind.ESCALATION)).containsExactly("district-government");
        assertThat(sweep.sweepCase(pi.getId())).isEqualTo(new DeadlineSweep.Result(0, 0));
    }

    @Test
    void shouldOnlyRemindTheDistrictGovernmentOfItsOwnLateDecision() {
        ProcessInstance pi = as("govt", () -> runtimeService.startProcessInstanceByKey(MajorMatterProcess.KEY,
                matter(MajorMatterService.GOVERNMENT, "MAJOR_DECISION", "S01", 5)));
        complete("s01-sec", task(pi, Elements.GIVE_OPINION), Map.of(Vars.OPINION, "SUPPORT",
                Vars.MEETING_DATE, CaseClock.today().toString()));
        complete("govt", task(pi, Elements.ANSWER_OPINION), Map.of(Vars.ANSWER, "ADOPTED"));
        Task decide = task(pi, Elements.DECIDE);
        after(decide, AN_HOUR);
        sweep.sweepCase(pi.getId());
        assertThat(recipients(notifications, pi, NoticeKind.ESCALATION)).isEmpty();
    }
}
