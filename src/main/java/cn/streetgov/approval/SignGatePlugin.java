package cn.streetgov.approval;

import cn.streetgov.casework.UserTaskListeners;
import cn.streetgov.common.InvalidInputException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Built into every user task of every process (no skip option skips it): a task whose added
 * approvers (前加签/并行加签) have not all signed cannot be completed — refused with their names — and
 * a 后加签 approver who completes the task has signed by deciding. Runs before the kernel's decision
 * listener, so a refused completion records nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class SignGatePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<Signatures> signatures;
    private final ObjectProvider<ApprovalOperations> operations;

    SignGatePlugin(ObjectProvider<Signatures> signatures, ObjectProvider<ApprovalOperations> operations) {
        this.signatures = signatures;
        this.operations = operations;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        UserTaskListeners.addToEveryUserTask(configuration, TaskListener.EVENTNAME_COMPLETE, gate);
    }

    private final TaskListener gate = this::beforeCompletion;

    void beforeCompletion(DelegateTask task) {
        Signatures signs = signatures.getObject();
        List<CaseSign> open = signs.blocking(task.getId());
        if (!open.isEmpty()) {
            List<String> names = open.stream().map(s -> operations.getObject().displayName(s.getSignerUser())).toList();
            throw new InvalidInputException("「" + task.getName() + "」尚有加签人未签署意见：" + String.join("、", names)
                    + "；请待其签署或减签后再办理");
        }
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
        if (user != null) {
            signs.completed(task.getId(), user);
        }
    }
}
