package cn.streetgov.appointment.process;

import static cn.streetgov.appointment.process.ConsultationProcess.*;

import cn.streetgov.appointment.domain.ConsultationCase.Status;
import cn.streetgov.appointment.domain.ConsultationService;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** At each end event of {@code cadre-consultation}: sets {@code outcome} and closes the case. */
@Component
class CloseConsultationListener implements ExecutionListener {

    static final Map<String, Status> OUTCOME_BY_END = Map.of(
            END_APPROVED, Status.APPROVED,
            END_UPHELD_STREET, Status.REJECTED,
            END_COMMITTEE_REJECTED, Status.REJECTED,
            END_ORG_DEPT_REJECTED, Status.REJECTED,
            END_OPINION_ADOPTED, Status.WITHDRAWN,
            END_WITHDRAWN, Status.WITHDRAWN);

    private final ConsultationService service;

    CloseConsultationListener(ConsultationService service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Status status = OUTCOME_BY_END.get(execution.getCurrentActivityId());
        if (status == null) {
            throw new IllegalStateException("结束事件 " + execution.getCurrentActivityId() + " 没有对应的结果");
        }
        service.close(((Number) execution.getVariable(CASE_ID)).longValue(), status);
        execution.setVariable(OUTCOME, status.name());
    }
}
