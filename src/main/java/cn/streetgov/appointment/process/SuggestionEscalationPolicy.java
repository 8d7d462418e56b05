package cn.streetgov.appointment.process;

import cn.streetgov.casework.EscalationPolicy;
import cn.streetgov.org.domain.PostRole;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A department's overdue answer to a street's suggestion goes to 区委组织部 (its BPMN timer already
 * tells the department and 组织部, so the sweep leaves it alone: {@code app.deadlines.own-escalations});
 * the street reading the decline reasons escalates to no one — its reminder is enough.
 */
@Component
class SuggestionEscalationPolicy implements EscalationPolicy {

    @Override
    public String processKey() {
        return SuggestionProcess.KEY;
    }

    @Override
    public String escalateTo(Task task, Map<String, Object> variables) {
        return SuggestionProcess.READ_DECLINE.equals(task.getTaskDefinitionKey()) ? null
                : PostRole.ORG_DEPT.groupId(null);
    }
}
