package cn.streetgov.delegation.process;

import cn.streetgov.casework.EscalationPolicy;
import cn.streetgov.org.domain.PostRole;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Overdue steps of {@code power-delegation} go to 区委编办 ({@code bianban}), which runs the
 * delegation work and chases streets, reviewers and departments; 编办's own staffing step goes to
 * the district government whose meeting waits for it.
 */
@Component
class DelegationEscalationPolicy implements EscalationPolicy {

    @Override
    public String processKey() {
        return PowerDelegationProcess.KEY;
    }

    @Override
    public String escalateTo(Task task, Map<String, Object> variables) {
        if (PowerDelegationProcess.CONFIRM_STAFFING.equals(task.getTaskDefinitionKey())) {
            return PostRole.DISTRICT_GOVERNMENT.groupId(null);
        }
        return PostRole.BIANBAN.groupId(null);
    }
}
