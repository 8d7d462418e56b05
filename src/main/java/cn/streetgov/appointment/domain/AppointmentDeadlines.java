package cn.streetgov.appointment.domain;

import cn.streetgov.casework.CaseClock;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates of the user tasks whose period is configuration (app.appointment.*), used in the BPMN
 * as {@code camunda:dueDate="${appointmentDeadlines.handlingDue()}"}.
 */
@Component
public class AppointmentDeadlines {

    private final AppointmentProperties properties;

    AppointmentDeadlines(AppointmentProperties properties) {
        this.properties = properties;
    }

    public Date handlingDue() {
        return CaseClock.toDate(CaseClock.now().plus(properties.handlingPeriod()));
    }

    public Date committeeDue() {
        return CaseClock.toDate(CaseClock.now().plus(properties.committeePeriod()));
    }
}
