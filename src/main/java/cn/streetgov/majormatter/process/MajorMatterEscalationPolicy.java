package cn.streetgov.majormatter.process;

import cn.streetgov.casework.EscalationPolicy;
import cn.streetgov.majormatter.domain.MajorMatterService;
import cn.streetgov.majormatter.process.MajorMatterProcess.Vars;
import cn.streetgov.org.domain.PostRole;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A department's late answer or decision goes to the district government, which oversees the
 * departments; the district government's own late steps are only reminded. (The streets' opinions
 * have their own deadline in the BPMN: recorded as overdue, the sender told.)
 */
@Component
class MajorMatterEscalationPolicy implements EscalationPolicy {

    @Override
    public String processKey() {
        return MajorMatterProcess.KEY;
    }

    @Override
    public String escalateTo(Task task, Map<String, Object> variables) {
        Object sender = variables.get(Vars.SENDER_CODE);
        if (sender == null || MajorMatterService.GOVERNMENT.equals(sender.toString())) {
            return null;
        }
        return PostRole.DISTRICT_GOVERNMENT.groupId(null);
    }
}
