package cn.streetgov.appointment.process;

import cn.streetgov.casework.EscalationPolicy;
import cn.streetgov.org.domain.PostRole;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Overdue steps of {@code cadre-consultation} go to 区委组织部 ({@code org-dept}), which chases late
 * streets and departments and prepares the standing committee's cadre items (docs/appointment.md);
 * 组织部's own steps go to the standing committee. The street's reply has its own BPMN reminder and
 * deadline (to 组织部), see {@code app.deadlines.own-reminders}.
 */
@Component
class ConsultationEscalationPolicy implements EscalationPolicy {

    private static final Set<String> ORG_DEPT_STEPS = Set.of(ConsultationProcess.HANDLE_NO_REPLY,
            ConsultationProcess.COORDINATE, ConsultationProcess.ORG_DEPT_APPROVAL);

    @Override
    public String processKey() {
        return ConsultationProcess.KEY;
    }

    @Override
    public String escalateTo(Task task, Map<String, Object> variables) {
        return ORG_DEPT_STEPS.contains(task.getTaskDefinitionKey())
                ? PostRole.STANDING_COMMITTEE.groupId(null)
                : PostRole.ORG_DEPT.groupId(null);
    }
}
