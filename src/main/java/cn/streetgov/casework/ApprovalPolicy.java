package cn.streetgov.casework;

import java.util.Map;
import java.util.Set;

/**
 * What a workflow allows of the approval operations on its tasks (one bean per process, in the
 * workflow's {@code process} package, beside its {@link EscalationPolicy}). A process without a
 * policy allows every operation on every task and has no starter's revise step.
 */
public interface ApprovalPolicy {

    /** The process definition key this policy is for (e.g. {@code power-delegation}). */
    String processKey();

    /**
     * The operations the task (by its id in the BPMN) does not allow, e.g. no {@link ApprovalOperation#TRANSFER}
     * of a street committee's decision.
     */
    default Set<ApprovalOperation> forbidden(String taskKey) {
        return Set.of();
    }

    /** User tasks a case may never be returned to (the model forbids it). */
    default Set<String> notReturnable() {
        return Set.of();
    }

    /**
     * Steps that cannot be undone once passed (a publication, an appointment applied): no return or
     * withdrawal reopens a task before them.
     */
    default Set<String> pointsOfNoReturn() {
        return Set.of();
    }

    /**
     * The starter's revise step the task may be returned to (退回发起人), or null where the process
     * has none for it.
     */
    default String starterRevise(String taskKey) {
        return null;
    }

    /**
     * Case variables to set before a return or a withdrawal reopens the task: the deadlines its
     * model reads when the task starts (a reply deadline fixed when the case began would have passed).
     *
     * @param variables the case's variables as plain values
     */
    default Map<String, Object> beforeReopening(String taskKey, Map<String, Object> variables) {
        return Map.of();
    }

    /**
     * A return or a withdrawal has reopened {@code reopenedTaskKey}: put the case's own state back
     * (its status) in the same transaction.
     *
     * @param variables the case's variables as plain values
     */
    default void reopened(String reopenedTaskKey, Map<String, Object> variables) {
    }
}
