package cn.streetgov.admission.process;

import cn.streetgov.casework.EscalationPolicy;
import cn.streetgov.org.domain.PostRole;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** A department's overdue opinion on a hand-back goes to 区委编办; 编办's overdue decision to 区委组织部. */
@Component
class DutyExitEscalationPolicy implements EscalationPolicy {

    @Override
    public String processKey() {
        return DutyExitProcess.KEY;
    }

    @Override
    public String escalateTo(Task task, Map<String, Object> variables) {
        if (DutyExitProcess.Elements.DEPT_OPINION.equals(task.getTaskDefinitionKey())) {
            return PostRole.BIANBAN.groupId(null);
        }
        return PostRole.ORG_DEPT.groupId(null);
    }
}
