package cn.streetgov.whistle.process;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * app.whistle.*: the deadlines of the street's own steps (the departments' deadlines per urgency
 * are in DMN whistle-sla). Defaults work without any yaml entry.
 *
 * @param confirmationDays days the street office has to confirm the result (街道确认)
 * @param followUpDays days the street office has for the follow-up visit (回访)
 * @param dissuadeDays days the street office has to dissuade and stop before it hands over (劝导制止)
 */
@ConfigurationProperties("app.whistle")
public record WhistleProperties(@DefaultValue("3") int confirmationDays, @DefaultValue("7") int followUpDays,
        @DefaultValue("2") int dissuadeDays) {
}
