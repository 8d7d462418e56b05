package cn.streetgov.appointment.process;

import static cn.streetgov.appointment.process.ConsultationProcess.APPLY_APPOINTMENT;
import static cn.streetgov.appointment.process.ConsultationProcess.CASE_ID;
import static cn.streetgov.appointment.process.ConsultationProcess.COMMITTEE_DECISION;
import static cn.streetgov.appointment.process.ConsultationProcess.REPLY_DAYS;
import static cn.streetgov.appointment.process.ConsultationProcess.STREET_OPINION;

import cn.streetgov.appointment.domain.AppointmentProperties;
import cn.streetgov.appointment.domain.ConsultationService;
import cn.streetgov.casework.ApprovalOperation;
import cn.streetgov.casework.ApprovalPolicy;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The approval operations of {@code cadre-consultation}: the street committee's answer and the
 * standing committee's decision are taken at a meeting and cannot be delegated to one person; once
 * the agency's head is updated nothing before can be reopened; a street opinion that is returned or
 * withdrawn gets the full reply time again (its deadline timers read it).
 */
@Component
class ConsultationApprovalPolicy implements ApprovalPolicy {

    private final ConsultationService service;
    private final AppointmentProperties properties;

    ConsultationApprovalPolicy(ConsultationService service, AppointmentProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @Override
    public String processKey() {
        return ConsultationProcess.KEY;
    }

    @Override
    public Set<ApprovalOperation> forbidden(String taskKey) {
        return STREET_OPINION.equals(taskKey) || COMMITTEE_DECISION.equals(taskKey)
                ? Set.of(ApprovalOperation.DELEGATE) : Set.of();
    }

    @Override
    public Set<String> pointsOfNoReturn() {
        return Set.of(APPLY_APPOINTMENT);
    }

    @Override
    public Map<String, Object> beforeReopening(String taskKey, Map<String, Object> variables) {
        if (!STREET_OPINION.equals(taskKey) || !(variables.get(CASE_ID) instanceof Number caseId)
                || !(variables.get(REPLY_DAYS) instanceof Number days)) {
            return Map.of();
        }
        LocalDateTime deadline = service.extendDeadline(caseId.longValue(), Duration.ofDays(days.longValue()));
        return ConsultationRuleListener.deadlineVariables(deadline, properties);
    }
}
