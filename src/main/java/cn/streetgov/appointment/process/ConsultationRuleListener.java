package cn.streetgov.appointment.process;

import static cn.streetgov.appointment.process.ConsultationProcess.*;

import cn.streetgov.appointment.domain.AppointmentProperties;
import cn.streetgov.casework.OpinionDeadlines;
import cn.streetgov.appointment.domain.ConsultationService;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of the business rule task {@code consultation-mode}: turns the rule's single result into
 * the variables the model uses (mode, final authority, reply deadline, reminder date) and
 * records them on the case.
 */
@Component
class ConsultationRuleListener implements ExecutionListener {

    private final ConsultationService service;
    private final AppointmentProperties properties;

    ConsultationRuleListener(ConsultationService service, AppointmentProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @Override
    public void notify(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> rule = (Map<String, Object>) execution.getVariable(RULE_RESULT);
        if (rule == null) {
            throw new IllegalStateException("决策表 " + DECISION_KEY + " 没有给出结果");
        }
        String mode = (String) rule.get(CONSULTATION_MODE);
        String authority = (String) rule.get(FINAL_AUTHORITY);
        int days = ((Number) rule.get(REPLY_DAYS)).intValue();
        long caseId = ((Number) execution.getVariable(CASE_ID)).longValue();
        LocalDateTime deadline = service.applyRule(caseId, mode, authority, days);
        execution.removeVariable(RULE_RESULT);
        execution.setVariable(CONSULTATION_MODE, mode);
        execution.setVariable(FINAL_AUTHORITY, authority);
        execution.setVariable(REPLY_DAYS, days);
        setDeadline(execution, deadline, properties);
        execution.setVariable(CASE_SUMMARY, service.summary(caseId));
    }

    /** Sets the reply deadline and the reminder before it (never in the past). */
    static void setDeadline(DelegateExecution execution, LocalDateTime deadline, AppointmentProperties properties) {
        execution.setVariables(deadlineVariables(deadline, properties));
    }

    /** The reply deadline and the reminder before it (never in the past), as case variables (the kernel's). */
    static java.util.Map<String, Object> deadlineVariables(LocalDateTime deadline, AppointmentProperties properties) {
        return OpinionDeadlines.variables(deadline, properties.reminderBeforeDeadline());
    }
}
