package cn.streetgov.admission.process;

import java.util.List;
import cn.streetgov.admission.domain.DutyAdmissions.Starter;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Typed reads of this package's process variables, and the starting user. */
final class Variables {

    private Variables() {
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static Long caseId(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("案件变量 " + name + " 缺失");
        }
        return number.longValue();
    }

    /** The user who starts the case, with their groups; null when the engine runs without one. */
    static Starter starter(DelegateExecution execution) {
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth == null || auth.getUserId() == null ? null
                : new Starter(auth.getUserId(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds());
    }
}
