package cn.streetgov.appointment.process;

import static cn.streetgov.appointment.process.ConsultationProcess.CASE_ID;

import cn.streetgov.appointment.domain.ConsultationService;
import cn.streetgov.casework.ModellingDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the approved change of the agency's head in the organisation model. */
@Component
@ModellingDelegate(name = "更新派驻机构负责人",
        description = "把批准的任免写入组织机构（派驻机构负责人）。读取案件变量 caseId（cadre-consultation 流程）")
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
