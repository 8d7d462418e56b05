package cn.streetgov.delegation.process;

import cn.streetgov.casework.EscalationPolicy;
import cn.streetgov.org.domain.PostRole;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** An overdue revocation decision of the government goes to 区委编办, which keeps the catalog. */
@Component
class RevocationEscalationPolicy implements EscalationPolicy {

    @Override
    public String processKey() {
        return PowerRevocationProcess.KEY;
    }

    @Override
    public String escalateTo(Task task, Map<String, Object> variables) {
        return PostRole.BIANBAN.groupId(null);
    }
}
