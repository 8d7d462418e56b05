package cn.streetgov.admission.process;

import cn.streetgov.casework.EscalationPolicy;
import cn.streetgov.org.domain.PostRole;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A street's overdue opinion goes to 区委编办, which runs the admission and chases the street; 编办's
 * own overdue decision goes to 区委组织部, with which it decides admissions.
 */
@Component
class DutyAdmissionEscalationPolicy implements EscalationPolicy {

    @Override
    public String processKey() {
        return DutyAdmissionProcess.KEY;
    }

    @Override
    public String escalateTo(Task task, Map<String, Object> variables) {
        if (DutyAdmissionProcess.Elements.STREET_OPINION.equals(task.getTaskDefinitionKey())) {
            return PostRole.BIANBAN.groupId(null);
        }
        return PostRole.ORG_DEPT.groupId(null);
    }
}
