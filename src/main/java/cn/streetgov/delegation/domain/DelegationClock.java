package cn.streetgov.delegation.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock in the district's time zone, so that records and timers agree (also in tests). */
public final class DelegationClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private DelegationClock() {
    }

    public static LocalDateTime now() {
        return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
    }

    public static LocalDate today() {
        return now().toLocalDate();
    }
}
