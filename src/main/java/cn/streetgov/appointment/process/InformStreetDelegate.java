package cn.streetgov.appointment.process;

import static cn.streetgov.appointment.process.ConsultationProcess.CASE_ID;

import cn.streetgov.appointment.domain.ConsultationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Informs the host street's committee of the approved appointment (notification row, case stamped). */
@Component
class InformStreetDelegate implements JavaDelegate {

    private final ConsultationService service;

    InformStreetDelegate(ConsultationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.informStreet(((Number) execution.getVariable(CASE_ID)).longValue());
    }
}
