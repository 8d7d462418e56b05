package cn.streetgov.appointment.domain;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock (so that tests moving the clock see consistent timestamps) as local time. */
public final class AppointmentTime {

    private AppointmentTime() {
    }

    public static LocalDateTime now() {
        return toLocal(ClockUtil.getCurrentTime());
    }

    public static LocalDateTime toLocal(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }

    public static Date toDate(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }
}
