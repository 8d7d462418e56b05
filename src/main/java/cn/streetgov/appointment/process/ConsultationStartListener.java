package cn.streetgov.appointment.process;

import cn.streetgov.common.PlainVariables;
import static cn.streetgov.appointment.process.ConsultationProcess.*;

import cn.streetgov.appointment.domain.ConsultationCase;
import cn.streetgov.appointment.domain.ConsultationService;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Start of {@code cadre-consultation}: validates the proposal (InvalidInputException with Chinese
 * messages rolls the whole start back), opens the case, sets the case number as business key.
 */
@Component
class ConsultationStartListener implements ExecutionListener {

    private final ConsultationService service;

    ConsultationStartListener(ConsultationService service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = auth == null ? null : auth.getUserId();
        List<String> groups = auth == null ? null : (auth.getGroupIds() == null ? List.of() : auth.getGroupIds());
        ConsultationCase c = service.open(PlainVariables.of(execution), user, groups, execution.getProcessInstanceId());
        execution.setProcessBusinessKey(c.getCaseNo());
        execution.setVariable(CASE_ID, c.getId());
        execution.setVariable(ORG_CODE, c.getOrgCode());
        execution.setVariable(CANDIDATE_NAME, c.getCandidateName());
        execution.setVariable(CASE_SUMMARY, service.summary(c.getId()));
        execution.setVariable(OPINION_HISTORY, service.history(c.getId()));
    }
}
