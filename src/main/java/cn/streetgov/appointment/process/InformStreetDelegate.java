package cn.streetgov.appointment.process;

import static cn.streetgov.appointment.process.ConsultationProcess.CASE_ID;

import cn.streetgov.appointment.domain.ConsultationService;
import cn.streetgov.casework.ModellingDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Informs the host street's committee of the approved appointment (notification row, case stamped). */
@Component
@ModellingDelegate(name = "告知街道任免结果",
        description = "通知派驻机构所在街道/镇党(工)委已批准的任免，并在案件上记下告知时间。读取案件变量 caseId（cadre-consultation 流程）")
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
