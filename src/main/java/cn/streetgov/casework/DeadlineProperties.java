package cn.streetgov.casework;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.deadlines}: the due date of user tasks whose BPMN sets none, the reminder before a
 * due date and the sweep that sends reminders and escalations (see application.yaml).
 */
@ConfigurationProperties(prefix = "app.deadlines")
public class DeadlineProperties {

    /** Calendar days from a task's creation to its due date, when neither the BPMN nor {@link #tasks} says. */
    private int defaultDays = 5;

    /** Per task definition key: an ISO-8601 duration (P3D, PT12H) from creation to the due date. */
    private Map<String, String> tasks = new LinkedHashMap<>();

    /** How long before the due date the reminder goes out (ISO-8601). */
    private String remindBefore = "P1D";

    /** Whether this node runs the sweep on a schedule (tests call it themselves). */
    private boolean sweepEnabled = true;

    /** Pause between two sweeps (ISO-8601). */
    private Duration sweepInterval = Duration.ofMinutes(1);

    /** Tasks whose BPMN sends its own reminder (a timer): the sweep sends none for them. */
    private List<String> ownReminders = List.of();

    /** Tasks whose BPMN handles its own deadline (a timer escalates or ends the task): no sweep escalation. */
    private List<String> ownEscalations = List.of();

    /**
     * An ISO-8601 amount of time: a period of days, weeks, months (P3D, P2W, P1M) or a duration
     * with a time part (PT12H, P1DT12H).
     */
    public static TemporalAmount parse(String iso) {
        if (iso == null || iso.isBlank()) {
            throw new IllegalArgumentException("期限为空");
        }
        String text = iso.trim().toUpperCase(Locale.ROOT);
        try {
            return text.contains("T") ? Duration.parse(text) : Period.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("期限不是 ISO-8601 时长（如 P3D、PT12H）: " + iso, e);
        }
    }

    /**
     * The configured amount for the task, or the default. Keys are compared without case and
     * without characters other than letters and digits, because Spring's relaxed binding drops
     * an unbracketed key's underscores ({@code userTask_x} arrives as {@code userTaskx}).
     */
    public TemporalAmount dueAfter(String taskKey) {
        String wanted = normalized(taskKey);
        return tasks.entrySet().stream().filter(e -> normalized(e.getKey()).equals(wanted)).findFirst()
                .map(e -> parse(e.getValue())).orElse(Period.ofDays(defaultDays));
    }

    public TemporalAmount remindBeforeAmount() {
        return parse(remindBefore);
    }

    boolean ownReminder(String taskKey) {
        return normalizedSet(ownReminders).contains(normalized(taskKey));
    }

    boolean ownEscalation(String taskKey) {
        return normalizedSet(ownEscalations).contains(normalized(taskKey));
    }

    /** Every configured value parses (checked at start-up: a typo fails the start, not a task). */
    void validate() {
        if (defaultDays < 1) {
            throw new IllegalStateException("app.deadlines.default-days 须至少为 1: " + defaultDays);
        }
        try {
            remindBeforeAmount();
            tasks.forEach((key, value) -> parse(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("app.deadlines 配置有误: " + e.getMessage(), e);
        }
    }

    private static String normalized(String key) {
        return key == null ? "" : key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    private static Set<String> normalizedSet(List<String> keys) {
        Set<String> set = new LinkedHashSet<>();
        keys.forEach(k -> set.add(normalized(k)));
        return set;
    }

    public int getDefaultDays() {
        return defaultDays;
    }

    public void setDefaultDays(int defaultDays) {
        this.defaultDays = defaultDays;
    }

    public Map<String, String> getTasks() {
        return tasks;
    }

    public void setTasks(Map<String, String> tasks) {
        this.tasks = tasks;
    }

    public String getRemindBefore() {
        return remindBefore;
    }

    public void setRemindBefore(String remindBefore) {
        this.remindBefore = remindBefore;
    }

    public boolean isSweepEnabled() {
        return sweepEnabled;
    }

    public void setSweepEnabled(boolean sweepEnabled) {
        this.sweepEnabled = sweepEnabled;
    }

    public Duration getSweepInterval() {
        return sweepInterval;
    }

    public void setSweepInterval(Duration sweepInterval) {
        this.sweepInterval = sweepInterval;
    }

    public List<String> getOwnReminders() {
        return ownReminders;
    }

    public void setOwnReminders(List<String> ownReminders) {
        this.ownReminders = ownReminders;
    }

    public List<String> getOwnEscalations() {
        return ownEscalations;
    }

    public void setOwnEscalations(List<String> ownEscalations) {
        this.ownEscalations = ownEscalations;
    }
}
