package cn.streetgov.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Declared by each workflow (usually its {@code …Process} class registered as a bean): which
 * variables of each user task are the official's decision, comment and further input. When a user
 * task is completed, the audit trail records who completed it, for which organisation (the
 * candidate group the user acted for), when, and the values of these variables. The same
 * declaration is the closed list of what an official may submit when completing the task
 * ({@link TaskDecision#inputs()}): anything else is refused before it reaches the engine.
 */
public interface TaskDecisions {

    /** The process definition key, e.g. {@code power-delegation}. */
    String processKey();

    /** Per user task id (task definition key): what the official decided there. */
    Map<String, TaskDecision> byTask();

    /**
     * @param decision the variable holding the decision (e.g. {@code capacityDecision}), or null
     * @param comment the variable holding the comment or reason, or null
     * @param details further variables the official submits with the decision (dates, scores, …)
     * @param context variables of the case recorded with the decision but owned by the server
     *        (the street of a multi-instance review, a counter): never accepted from a request
     */
    record TaskDecision(String decision, String comment, List<String> details, List<String> context) {

        public TaskDecision {
            details = List.copyOf(details);
            context = List.copyOf(context);
        }

        public static TaskDecision of(String decision, String comment, String... details) {
            return new TaskDecision(decision, comment, List.of(details), List.of());
        }

        /** The same declaration, recording also these server-owned variables of the case. */
        public TaskDecision withContext(String... names) {
            List<String> all = new ArrayList<>(context);
            Collections.addAll(all, names);
            return new TaskDecision(decision, comment, details, all);
        }

        /** The variables an official may submit when completing the task. */
        public Set<String> inputs() {
            Set<String> inputs = new LinkedHashSet<>();
            if (decision != null) {
                inputs.add(decision);
            }
            if (comment != null) {
                inputs.add(comment);
            }
            inputs.addAll(details);
            return Collections.unmodifiableSet(inputs);
        }

        /** Everything the audit trail records beside decision and comment. */
        public List<String> recorded() {
            List<String> recorded = new ArrayList<>(details);
            recorded.addAll(context);
            return recorded;
        }
    }
}
