package cn.streetgov.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of every workflow: the engine's time (which tests move), read in the district's
 * zone {@code app.zone} (default Asia/Shanghai) — never in the JVM's zone. Deadlines, working days,
 * case-number years and the local date-times of the workflows' tables are all in this zone, so
 * a server in UTC and one in Beijing write and read the same values. Instants of events (audit,
 * decisions, notifications) are stored as UTC.
 */
public final class CaseClock {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    /** A day as people read it: 2026年12月2日. */
    public static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    /** A local date-time of the district to the minute, as people read it: 2026年12月7日 14:05. */
    public static final DateTimeFormatter SHOWN_MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private static volatile ZoneId zone = DEFAULT_ZONE;

    private CaseClock() {
    }

    /** The configured zone of the district. */
    public static ZoneId zone() {
        return zone;
    }

    /** Set from {@code app.zone} at start-up ({@link CaseworkConfiguration}); tests may set another. */
    public static void useZone(ZoneId newZone) {
        zone = Objects.requireNonNull(newZone, "zone");
    }

    /** Now, to the millisecond (what the databases keep). */
    public static Instant instant() {
        return ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Now as a local date-time of the district. */
    public static LocalDateTime now() {
        return LocalDateTime.ofInstant(instant(), zone);
    }

    /** Today in the district. */
    public static LocalDate today() {
        return now().toLocalDate();
    }

    /** The year of today in the district (case numbers count per year). */
    public static int year() {
        return today().getYear();
    }

    public static LocalDateTime toLocal(Date date) {
        return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), zone);
    }

    public static LocalDateTime toLocal(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
    }

    public static LocalDate toLocalDate(Date date) {
        return date == null ? null : toLocal(date).toLocalDate();
    }

    public static Date toDate(LocalDateTime time) {
        return time == null ? null : Date.from(time.atZone(zone).toInstant());
    }

    /** The start of the given day in the district, as an engine date (timers, due dates). */
    public static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(zone).toInstant());
    }

    /** Now plus whole calendar days, as an engine date (due dates). */
    public static Date inDays(long days) {
        return toDate(now().plusDays(days));
    }
}
