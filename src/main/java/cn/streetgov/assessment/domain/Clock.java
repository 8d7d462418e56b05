package cn.streetgov.assessment.domain;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock (moved by tests), as local date-times of the server's zone. */
public final class Clock {

    private Clock() {
    }

    public static LocalDateTime now() {
        return toLocal(ClockUtil.getCurrentTime()).truncatedTo(ChronoUnit.MILLIS);
    }

    public static LocalDateTime toLocal(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }

    public static Date toDate(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }
}
