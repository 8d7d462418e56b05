package cn.streetgov.notify;

import cn.streetgov.casework.CaseClock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as the notices show them to people: to the minute, in the district's zone, with its name. */
final class ShownTime {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private ShownTime() {
    }

    /** e.g. {@code 2026-12-02 10:00（北京时间）}. */
    static String of(Instant instant) {
        ZoneId zone = CaseClock.zone();
        return instant.atZone(zone).format(MINUTE) + (zone.equals(BEIJING) ? "（北京时间）" : "（" + zone.getId() + "）");
    }
}
