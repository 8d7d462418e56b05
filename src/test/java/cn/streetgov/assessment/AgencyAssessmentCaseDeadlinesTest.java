package cn.streetgov.assessment;

import static cn.streetgov.test.DeadlineChecks.AN_HOUR;
import static cn.streetgov.test.DeadlineChecks.HALF_A_DAY;
import static cn.streetgov.test.DeadlineChecks.after;
import static cn.streetgov.test.DeadlineChecks.before;
import static cn.streetgov.test.DeadlineChecks.recipients;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.assessment.process.AssessmentCaseProcess.Elements;
import cn.streetgov.casework.DeadlineSweep;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.Notifications;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deadlines of {@code agency-assessment-case}: a street that does not score is reminded, then 区考核办
 * is told, so a campaign no longer waits unseen on one street.
 */
class AgencyAssessmentCaseDeadlinesTest extends AssessmentTestSupport {

    @Autowired
    DeadlineSweep sweep;
    @Autowired
    Notifications notifications;

    @Test
    void shouldRemindTheAgencyAndTheStreetAndEscalateLateScoringToTheAssessmentOffice() {
        ProcessInstance pi = startCase(campaign(), "S01-GA");
        Task self = task(pi, Elements.SELF_EVALUATE);

        before(self, HALF_A_DAY);
        assertThat(sweep.sweepCase(pi.getId()).reminded()).isEqualTo(1);
        assertThat(recipients(notifications, pi, NoticeKind.REMINDER)).containsExactly("agency-S01-GA");

        selfEvaluate(pi, "s01-ga-head", 90);
        Task score = task(pi, Elements.SCORE);
        before(score, HALF_A_DAY);
        assertThat(sweep.sweepCase(pi.getId()).reminded()).isEqualTo(1);
        assertThat(recipients(notifications, pi, NoticeKind.REMINDER))
                .containsExactly("agency-S01-GA", "street-office-S01");

        after(score, AN_HOUR);
        assertThat(sweep.sweepCase(pi.getId()).escalated()).isEqualTo(1);
        assertThat(recipients(notifications, pi, NoticeKind.ESCALATION)).containsExactly("assessment-office");
        assertThat(sweep.sweepCase(pi.getId())).isEqualTo(new DeadlineSweep.Result(0, 0));
    }
}
