package cn.streetgov.casework;

import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A due date on every user task of every process the engine deploys: a built-in listener on the
 * creation of each user task (no skip option skips it) gives a task whose BPMN set no
 * {@code camunda:dueDate} the one configured for its task key ({@code app.deadlines.tasks.<key>}),
 * else {@code app.deadlines.default-days} calendar days, counted in the district's zone
 * ({@link CaseClock}). A due date from the BPMN is kept. {@link DeadlineSweep} reminds and
 * escalates by these dates.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 110)
public class TaskDeadlines extends AbstractProcessEnginePlugin {

    private final DeadlineProperties properties;

    private final TaskListener created = new DueDateListener();

    TaskDeadlines(DeadlineProperties properties) {
        properties.validate();
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        UserTaskListeners.addToEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, created);
    }

    /** Whether the listener is on the task definitions of this engine's user tasks (the convention test asks). */
    public static boolean isOn(TaskDefinition definition) {
        return definition.getBuiltinTaskListenersForEvent(TaskListener.EVENTNAME_CREATE).stream()
                .anyMatch(DueDateListener.class::isInstance);
    }

    private final class DueDateListener implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
            assignDueDate(task);
        }
    }

    void assignDueDate(DelegateTask task) {
        if (task.getDueDate() == null) {
            task.setDueDate(dueDate(task.getTaskDefinitionKey(), CaseClock.now()));
        }
    }

    /** The configured due date of a task of that key created at {@code created} (district time). */
    public Date dueDate(String taskKey, LocalDateTime created) {
        return CaseClock.toDate(created.plus(properties.dueAfter(taskKey)));
    }
}
