package cn.streetgov.appointment.process;

import static cn.streetgov.appointment.process.ConsultationProcess.CASE_ID;

import cn.streetgov.appointment.domain.ConsultationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the approved change of the agency's head in the organisation model. */
@Component
class ApplyAppointmentDelegate implements JavaDelegate {

    private final ConsultationService service;

    ApplyAppointmentDelegate(ConsultationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.applyAppointment(((Number) execution.getVariable(CASE_ID)).longValue());
    }
}
