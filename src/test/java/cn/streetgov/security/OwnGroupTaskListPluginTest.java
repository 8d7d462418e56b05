package cn.streetgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An official's list of their own groups' tasks skips the engine's per-task authorization join;
 * every other task query keeps the check, so no official sees another organisation's task.
 */
@IntegrationTest
class OwnGroupTaskListPluginTest {

    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        created.forEach(id -> taskService.deleteTask(id, true));
    }

    @Test
    void shouldLeaveOutTheJoinOnlyForTheCallersOwnCandidateGroups() {
        String own = task("street-office-S01");
        String other = task("street-office-S02");
        // the engine's own rows for the first task removed: only a query that skips the join still finds it
        authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(own).list()
                .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
        List<String> groups = identityService.createGroupQuery().groupMember("s01-off").list().stream()
                .map(Group::getId).toList();
        assertThat(groups).contains("street-office-S01").doesNotContain("street-office-S02");
        identityService.setAuthentication("s01-off", groups);

        assertThat(ids(taskService.createTaskQuery().taskCandidateGroup("street-office-S01")))
                .as("the caller's own group: no join").contains(own).doesNotContain(other);
        assertThat(ids(taskService.createTaskQuery().taskCandidateGroupIn(groups))).contains(own).doesNotContain(other);
        assertThat(taskService.createTaskQuery().taskCandidateGroup("street-office-S01").count()).isPositive();

        List<String> widened = new ArrayList<>(groups);
        widened.add("street-office-S02");
        for (TaskQuery checked : List.of(
                taskService.createTaskQuery(),
                taskService.createTaskQuery().taskCandidateGroup("street-office-S02"),
                taskService.createTaskQuery().taskCandidateGroupIn(widened),
                taskService.createTaskQuery().or().taskCandidateGroup("street-office-S01").taskAssignee("s02-off").endOr(),
                taskService.createTaskQuery().taskCandidateGroupLike("street-office-%"),
                taskService.createTaskQuery().taskCandidateUser("s01-off"),
                taskService.createTaskQuery().taskCandidateGroup("street-office-S01").taskInvolvedUser("s01-off"))) {
            assertThat(ids(checked)).as("checked as before").doesNotContain(own, other);
        }
    }

    private String task(String group) {
        Task task = taskService.newTask();
        task.setName("任务列表检查 " + group);
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), group);
        created.add(task.getId());
        return task.getId();
    }

    private static List<String> ids(TaskQuery query) {
        return query.list().stream().map(Task::getId).toList();
    }
}
