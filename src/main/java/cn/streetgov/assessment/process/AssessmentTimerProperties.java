package cn.streetgov.assessment.process;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * app.assessment.timer.*: when the campaign opens by itself.
 *
 * @param cycle the cycle of the timer start event of agency-assessment: a Camunda cron expression
 *     (seconds minutes hours day-of-month month day-of-week) or an ISO 8601 repeating interval.
 *     Default: 10 January at 09:00 every year. It is read when the process is deployed: after a
 *     change, redeploy agency-assessment (e.g. from Camunda Modeler) so that the timer is rescheduled.
 */
@ConfigurationProperties("app.assessment.timer")
public record AssessmentTimerProperties(@DefaultValue("0 0 9 10 1 ?") String cycle) {
}
