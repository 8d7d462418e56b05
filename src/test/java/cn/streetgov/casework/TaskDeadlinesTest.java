package cn.streetgov.casework;

import static cn.streetgov.test.DeadlineChecks.AN_HOUR;
import static cn.streetgov.test.DeadlineChecks.after;
import static cn.streetgov.test.DeadlineChecks.before;
import static cn.streetgov.test.DeadlineChecks.recipients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.appointment.process.SuggestionProcess;
import cn.streetgov.test.ProcessTestSupport;
import java.io.File;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The kernel's deadlines: every user task of every process has a due date (its BPMN's or the
 * configured one), every workflow with user tasks has an escalation rule, the configuration parses.
 */
class TaskDeadlinesTest extends ProcessTestSupport {

    @Autowired
    DeadlineProperties properties;
    @Autowired
    TaskDeadlines deadlines;
    @Autowired
    DeadlineSweep sweep;
    @Autowired
    Notifications notifications;
    @Autowired
    List<EscalationPolicy> policies;

    @Test
    void shouldPutTheDueDateListenerOnEveryUserTaskOfEveryDeployedProcess() {
        List<String> userTasks = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            ProcessDefinitionEntity entity = (ProcessDefinitionEntity) ((RepositoryServiceImpl) repositoryService)
                    .getDeployedProcessDefinition(definition.getId());
            forEachUserTask(entity, (activity, behavior) -> {
                userTasks.add(definition.getKey() + "/" + activity.getId());
                if (!TaskDeadlines.isOn(behavior.getTaskDefinition())) {
                    without.add(definition.getKey() + "/" + activity.getId());
                }
            });
        }
        assertThat(userTasks).hasSizeGreaterThanOrEqualTo(28);
        assertThat(without).isEmpty();
    }

    @Test
    void shouldGiveEveryUserTaskOfProcessesADueDateAndEveryWorkflowAnEscalationRule() {
        File[] files = new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn"));
        assertThat(files).isNotEmpty();
        Set<String> processesWithUserTasks = new TreeSet<>();
        List<String> configured = new ArrayList<>();
        for (File file : files) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file);
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                processesWithUserTasks.add(processOf(task).getId());
                if (task.getCamundaDueDate() == null || task.getCamundaDueDate().isBlank()) {
                    configured.add(task.getId());
                    // the listener's date: the task's configured duration, else the default
                    assertThat(properties.dueAfter(task.getId())).as(task.getId()).isNotNull();
                }
            }
        }
        // the one task without a BPMN due date today has its own configured one
        assertThat(configured).containsExactly(SuggestionProcess.READ_DECLINE);
        assertThat(properties.dueAfter(SuggestionProcess.READ_DECLINE)).isEqualTo(Period.ofDays(10));
        Set<String> withPolicy = policies.stream().map(EscalationPolicy::processKey).collect(Collectors.toSet());
        assertThat(withPolicy).containsAll(processesWithUserTasks);
        // the tasks left to their BPMN timers exist
        List<String> allTaskIds = Arrays.stream(files).flatMap(f -> Bpmn.readModelFromFile(f)
                .getModelElementsByType(UserTask.class).stream().map(UserTask::getId)).toList();
        assertThat(allTaskIds).containsAll(properties.getOwnReminders()).containsAll(properties.getOwnEscalations());
    }

    @Test
    void shouldGiveATaskWithoutABpmnDueDateTheConfiguredOneAndRemindButNotEscalateIt() {
        ClockUtil.setCurrentTime(new Date());
        ProcessInstance pi = as("s01-sec", () -> runtimeService.startProcessInstanceByKey(SuggestionProcess.KEY,
                Map.of(SuggestionProcess.AGENCY_CODE, "S01-GA", SuggestionProcess.ACTION, "APPOINT",
                        SuggestionProcess.REASON, "所长长期空缺，建议尽快配备")));
        complete("ga-off", task(pi, SuggestionProcess.ANSWER), Map.of(SuggestionProcess.DECISION,
                SuggestionProcess.DECLINE, SuggestionProcess.COMMENT, "人选正在考察中，暂不调整"));
        LocalDateTime created = CaseClock.now();
        Task read = task(pi, SuggestionProcess.READ_DECLINE);

        // (MariaDB keeps the engine's due dates to the second)
        assertThat(read.getDueDate()).isCloseTo(CaseClock.toDate(created.plusDays(10)), 5_000L);
        before(read, AN_HOUR);
        sweep.sweep();
        assertThat(recipients(notifications, pi, NoticeKind.REMINDER)).containsExactly("street-committee-S01");
        after(read, AN_HOUR);
        assertThat(sweep.sweepCase(pi.getId()).escalated()).isZero();
        assertThat(recipients(notifications, pi, NoticeKind.ESCALATION)).isEmpty();
    }

    @Test
    void shouldCountTheDefaultAndConfiguredDurationsInTheDistrictsCalendar() {
        DeadlineProperties config = new DeadlineProperties();
        config.setDefaultDays(5);
        config.setTasks(Map.of("userTaskcheckSomething", "PT36H"));
        TaskDeadlines listener = new TaskDeadlines(config);
        LocalDateTime created = LocalDateTime.of(2026, 3, 1, 9, 30);

        assertThat(listener.dueDate("userTask_other", created)).isEqualTo(CaseClock.toDate(created.plusDays(5)));
        // Spring's relaxed binding drops an unbracketed key's underscore; the key still matches
        assertThat(listener.dueDate("userTask_checkSomething", created))
                .isEqualTo(CaseClock.toDate(created.plusHours(36)));
        assertThat(DeadlineProperties.parse("P1DT12H")).isEqualTo(Duration.ofHours(36));
        assertThat(DeadlineProperties.parse("p2w")).isEqualTo(Period.ofWeeks(2));
        config.setTasks(Map.of("userTask_x", "drei Tage"));
        assertThatThrownBy(() -> new TaskDeadlines(config)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("app.deadlines");
    }

    private static Process processOf(UserTask task) {
        org.camunda.bpm.model.xml.instance.ModelElementInstance parent = task.getParentElement();
        while (!(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }

    private static void forEachUserTask(ScopeImpl scope,
            java.util.function.BiConsumer<ActivityImpl, UserTaskActivityBehavior> action) {
        for (ActivityImpl activity : scope.getActivities()) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                action.accept(activity, behavior);
            }
            forEachUserTask(activity, action);
        }
    }
}
