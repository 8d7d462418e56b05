package cn.streetgov.assessment.process;

import cn.streetgov.casework.EscalationPolicy;
import cn.streetgov.org.domain.PostRole;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Overdue steps of an agency's assessment go to 区考核办 ({@code assessment-office}), which runs the
 * campaign: a campaign no longer waits unseen on one street. 考核办's own arbitration goes to 区委组织部,
 * which receives the results. The agency's self-evaluation ends at its deadline by a BPMN timer
 * ({@code app.deadlines.own-escalations}).
 */
@Component
class AssessmentCaseEscalationPolicy implements EscalationPolicy {

    @Override
    public String processKey() {
        return AssessmentCaseProcess.KEY;
    }

    @Override
    public String escalateTo(Task task, Map<String, Object> variables) {
        return AssessmentCaseProcess.Elements.ARBITRATE.equals(task.getTaskDefinitionKey())
                ? PostRole.ORG_DEPT.groupId(null)
                : PostRole.ASSESSMENT_OFFICE.groupId(null);
    }
}
