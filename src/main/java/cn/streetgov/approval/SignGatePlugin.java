package cn.streetgov.approval;

import cn.streetgov.casework.TaskNames;
import cn.streetgov.casework.UserTaskListeners;
import cn.streetgov.common.InvalidInputException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.DelegationState;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Built into every user task of every process (no skip option skips it): a delegated task (委派)
 * cannot be completed before the colleague resolves it back to its owner; a task whose added
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
        if (task instanceof TaskEntity entity && entity.getDelegationState() == DelegationState.PENDING) {
            throw new InvalidInputException("「" + TaskNames.stepOf(task) + "」是委派的任务：被委派人办完后须点击「处理完毕交还」，由 "
                    + operations.getObject().displayName(task.getOwner()) + " 作出决定");
        }
        Signatures signs = signatures.getObject();
        List<CaseSign> open = signs.blocking(task.getId());
        if (!open.isEmpty()) {
            List<String> names = open.stream().map(s -> operations.getObject().displayName(s.getSignerUser())).toList();
            throw new InvalidInputException("「" + TaskNames.stepOf(task) + "」尚有加签人未签署意见：" + String.join("、", names)
                    + "；请待其签署或减签后再办理");
        }
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
        if (user != null) {
            signs.completed(task.getId(), user);
        }
    }
}
