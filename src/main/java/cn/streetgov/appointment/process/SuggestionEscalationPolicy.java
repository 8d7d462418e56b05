package cn.streetgov.appointment.process;

import cn.streetgov.casework.EscalationPolicy;
import cn.streetgov.org.domain.PostRole;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A department's overdue answer to a street's suggestion goes to 区委组织部 (its BPMN timer already
 * tells the department and 组织部, so the sweep leaves it alone: {@code app.deadlines.own-escalations});
 * so does the competent department's overdue consent to a street's candidate; the street reading the
 * decline reasons and 组织部's own approval escalate to no one — their reminder is enough.
 */
@Component
class SuggestionEscalationPolicy implements EscalationPolicy {

    @Override
    public String processKey() {
        return SuggestionProcess.KEY;
    }

    @Override
    public String escalateTo(Task task, Map<String, Object> variables) {
        String step = task.getTaskDefinitionKey();
        return SuggestionProcess.READ_DECLINE.equals(step) || SuggestionProcess.APPROVE_NOMINATION.equals(step) ? null
                : PostRole.ORG_DEPT.groupId(null);
    }
}
