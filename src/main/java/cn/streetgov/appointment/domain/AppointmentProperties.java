package cn.streetgov.appointment.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * app.appointment.*: deadlines of the appointment workflow that are not rules of the DMN table.
 *
 * @param reminderBeforeDeadline how long before the street's reply deadline the reminder goes out
 * @param chaseExtension how much more time the street gets when the organisation department chases
 * @param suggestionAnswerPeriod how long the department has to answer a street's suggestion
 * @param handlingPeriod due date of the district's steps (chase, coordination, written response, decisions)
 * @param committeePeriod due date of the standing committee's decision (it meets less often)
 */
@ConfigurationProperties("app.appointment")
public record AppointmentProperties(
        @DefaultValue("P2D") Duration reminderBeforeDeadline,
        @DefaultValue("P3D") Duration chaseExtension,
        @DefaultValue("P10D") Duration suggestionAnswerPeriod,
        @DefaultValue("P5D") Duration handlingPeriod,
        @DefaultValue("P14D") Duration committeePeriod) {
}
