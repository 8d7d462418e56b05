package cn.streetgov.test;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.security.CurrentUser;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the process tests: the application's engine, camunda-bpm-assert initialised, helpers
 * that act as a demo user (so authorizations and the audit trail see who acted) and that move time
 * instead of sleeping.
 */
@IntegrationTest
public abstract class ProcessTestSupport {

    @Autowired
    protected ProcessEngine engine;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected HistoryService historyService;
    @Autowired
    protected RepositoryService repositoryService;
    @Autowired
    protected ManagementService managementService;
    @Autowired
    protected IdentityService identityService;

    @BeforeEach
    void initProcessAssertions() {
        BpmnAwareTests.init(engine);
        ClockUtil.reset();
    }

    @AfterEach
    void resetEngineState() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    /** The user as the /api filter sees them: id and live groups. */
    protected CurrentUser user(String userId) {
        Set<String> groups = new HashSet<>();
        for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
            groups.add(group.getId());
        }
        return new CurrentUser(userId, groups);
    }

    /** Runs {@code action} logged in as {@code userId} with the user's groups. */
    protected <T> T as(String userId, Supplier<T> action) {
        return Officials.as(engine, userId, action);
    }

    /** The one open task of the case at {@code taskKey}. */
    protected Task task(ProcessInstance instance, String taskKey) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey).list();
        assertThat(tasks).as("open tasks %s of %s", taskKey, instance.getBusinessKey()).hasSize(1);
        return tasks.get(0);
    }

    /** Completes the task as {@code userId}, who must be allowed to (claims it first, as Tasklist does). */
    protected void complete(String userId, Task task, Map<String, Object> variables) {
        Officials.complete(engine, userId, task, variables);
    }

    /** Moves the engine clock forward and executes every job that is then due. */
    protected void advanceClockAndRunDueJobs(ProcessInstance instance, long minutes) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + minutes * 60_000L));
        runDueJobs(instance);
    }

    /** Executes the jobs of the case that are due now (timers whose time has come, async steps). */
    protected void runDueJobs(ProcessInstance instance) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(instance.getId())
                    .executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }
}
