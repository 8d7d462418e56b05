package cn.streetgov.appointment.process;

import static cn.streetgov.appointment.process.SuggestionProcess.*;

import cn.streetgov.appointment.domain.ConsultationRequests;
import cn.streetgov.appointment.domain.Suggestion;
import cn.streetgov.appointment.domain.SuggestionService;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The department accepted the street's suggestion: starts a {@code cadre-consultation} case
 * prefilled from the suggestion (agency, action, reason) and the department's candidate, post and
 * level. An invalid proposal fails the completion of the answer task with the Chinese reasons.
 */
@Component
class StartConsultationDelegate implements JavaDelegate {

    private final SuggestionService service;

    StartConsultationDelegate(SuggestionService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(SUGGESTION_ID)).longValue();
        Suggestion s = service.require(id);
        String comment = ConsultationProcess.text(execution.getVariable(COMMENT));
        Map<String, Object> variables = new HashMap<>();
        variables.put(ConsultationProcess.DEPT_CODE, s.getDeptCode());
        variables.put(ConsultationProcess.AGENCY_CODE, s.getAgencyCode());
        variables.put(ConsultationProcess.ACTION, s.getAction().name());
        variables.put(ConsultationProcess.CANDIDATE_NAME, execution.getVariable(CANDIDATE_NAME));
        variables.put(ConsultationProcess.POSITION_TITLE, execution.getVariable(POSITION_TITLE));
        variables.put(ConsultationProcess.POSITION_LEVEL, execution.getVariable(POSITION_LEVEL));
        String reason = "街道建议 " + s.getSuggestionNo() + "：" + s.getReason() + (comment == null ? "" : "；部门意见：" + comment);
        variables.put(ConsultationProcess.REASON, reason.length() <= ConsultationRequests.MAX_TEXT ? reason
                : reason.substring(0, ConsultationRequests.MAX_TEXT - 1) + "…");
        variables.put(ConsultationProcess.SUGGESTION_NO, s.getSuggestionNo());
        ProcessInstance consultation = execution.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey(ConsultationProcess.KEY, variables);
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String by = auth == null ? null : auth.getUserId();
        service.accept(id, comment, by, consultation.getBusinessKey());
        execution.setVariable(CASE_NO, consultation.getBusinessKey());
        execution.setVariable(OUTCOME, ACCEPTED);
    }
}
