package cn.streetgov.casework;

import cn.streetgov.casework.TaskDecisions;
import cn.streetgov.casework.TaskDecisions.TaskDecision;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The closed lists of variables officials may send: per process its start variables
 * ({@link ProcessStarters#startVariables()}), per user task the inputs its workflow declares
 * ({@link TaskDecision#inputs()}). A process or task that declares nothing accepts nothing.
 */
@Component
public class DeclaredVariables {

    private final List<ProcessStarters> starters;
    private final List<TaskDecisions> decisions;

    DeclaredVariables(List<ProcessStarters> starters, List<TaskDecisions> decisions) {
        this.starters = starters;
        this.decisions = decisions;
    }

    /** The start variables of the process, or empty if no workflow lets officials start it. */
    public Optional<Set<String>> startVariables(String processKey) {
        return starters.stream().filter(s -> s.processKey().equals(processKey)).findFirst()
                .map(ProcessStarters::startVariables);
    }

    /** What may be submitted when completing the task (empty set if the workflow declares nothing). */
    public Set<String> taskInputs(String processKey, String taskKey) {
        return decisions.stream().filter(d -> d.processKey().equals(processKey)).findFirst()
                .map(d -> d.byTask().get(taskKey)).map(TaskDecision::inputs).orElse(Set.of());
    }
}
