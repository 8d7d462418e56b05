package cn.streetgov.casework;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * Who a workflow's overdue task escalates to (one bean per process, in the workflow's
 * {@code process} package). {@link DeadlineSweep} asks it once a task of the process is past its
 * due date and sends the {@link NoticeKind#ESCALATION} notice to the group it names.
 */
public interface EscalationPolicy {

    /** The process definition key this policy is for (e.g. {@code whistle-dispatch}). */
    String processKey();

    /**
     * The group to escalate the overdue task to (e.g. {@code org-dept}), or null when the task
     * escalates to no one (its reminder is all it needs).
     *
     * @param variables the task's variables (local and of its scopes) as plain values
     */
    String escalateTo(Task task, Map<String, Object> variables);
}
