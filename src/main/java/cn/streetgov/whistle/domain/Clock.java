package cn.streetgov.whistle.domain;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock (moved by tests), as local date-times of the server's zone. */
final class Clock {

    private Clock() {
    }

    static LocalDateTime now() {
        return toLocal(ClockUtil.getCurrentTime()).truncatedTo(ChronoUnit.MILLIS);
    }

    static LocalDateTime toLocal(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }

    static Date toDate(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }
}
