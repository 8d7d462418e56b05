package cn.streetgov.majormatter.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * app.major-matter.*: the time limits of major-matter-consultation.
 *
 * @param minOpinionDays the opinion deadline is at least this many days after the start (the streets
 *        need time to hold a committee meeting)
 * @param reminderBeforeDeadline how long before the opinion deadline each street that has not answered is reminded
 * @param answerDays due date of the sender's answer to each opinion, in days after the task opens
 * @param decisionDays due date of the sender's decision, in days after the task opens
 */
@ConfigurationProperties("app.major-matter")
public record MajorMatterProperties(
        @DefaultValue("5") int minOpinionDays,
        @DefaultValue("P2D") Duration reminderBeforeDeadline,
        @DefaultValue("10") int answerDays,
        @DefaultValue("10") int decisionDays) {
}
