package cn.streetgov.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The kernel's reply deadline and reminder of a consultation, without Spring. */
class OpinionDeadlinesTest {

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldRemindTheGivenTimeBeforeTheDeadline() {
        LocalDateTime deadline = CaseClock.now().plusDays(10);
        assertThat(OpinionDeadlines.reminderAt(deadline, Duration.ofDays(2))).isEqualTo(deadline.minusDays(2));
    }

    @Test
    void shouldRemindHalfwayWhenTheReminderWouldBeInThePast() {
        ClockUtil.setCurrentTime(new Date());
        LocalDateTime now = CaseClock.now();
        LocalDateTime deadline = now.plusDays(1);
        assertThat(OpinionDeadlines.reminderAt(deadline, Duration.ofDays(2))).isEqualTo(now.plusHours(12));
    }

    @Test
    void shouldGiveTheVariablesTheTimersRead() {
        LocalDateTime deadline = CaseClock.now().plusDays(5);
        Map<String, Object> variables = OpinionDeadlines.variables(deadline, Duration.ofDays(2));
        assertThat(variables).containsOnlyKeys(OpinionDeadlines.REPLY_DEADLINE, OpinionDeadlines.REMINDER_DATE);
        assertThat(variables.get(OpinionDeadlines.REPLY_DEADLINE)).isEqualTo(CaseClock.toDate(deadline));
        assertThat(variables.get(OpinionDeadlines.REMINDER_DATE)).isEqualTo(CaseClock.toDate(deadline.minusDays(2)));
    }
}
