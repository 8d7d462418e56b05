package cn.streetgov.audit;

import java.util.List;
import java.util.Map;

/**
 * Declared by each workflow (usually its {@code …Process} class registered as a bean): which
 * variables of each user task are the official's decision and comment. When a user task is
 * completed, the audit trail records who completed it, for which organisation (the candidate group
 * the user acted for), when, and the values of these variables.
 */
public interface TaskDecisions {

    /** The process definition key, e.g. {@code power-delegation}. */
    String processKey();

    /** Per user task id (task definition key): what the official decided there. */
    Map<String, TaskDecision> byTask();

    /**
     * @param decision the variable holding the decision (e.g. {@code capacityDecision}), or null
     * @param comment the variable holding the comment or reason, or null
     * @param details further variables worth keeping with the decision (dates, scores, …)
     */
    record TaskDecision(String decision, String comment, List<String> details) {

        public static TaskDecision of(String decision, String comment, String... details) {
            return new TaskDecision(decision, comment, List.of(details));
        }
    }
}
