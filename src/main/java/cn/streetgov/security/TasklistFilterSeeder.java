package cn.streetgov.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Tasklist filters every official works with, readable by everyone who logs in. Their
 * queries use the current user's identity, so each official sees only the tasks of their own
 * groups; the engine's task authorizations stand behind that.
 */
@Component
public class TasklistFilterSeeder {

    static final String MY_GROUP_TASKS = "本单位待办";
    static final String MY_TASKS = "我的待办";

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    TasklistFilterSeeder(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @Transactional
    public void seed() {
        TaskQuery groupTasks = tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks().orderByTaskCreateTime().desc();
        TaskQuery myTasks = tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                .orderByTaskCreateTime().desc();
        ensure(MY_GROUP_TASKS, groupTasks, -10, "本单位（所在组）可以办理的全部任务");
        ensure(MY_TASKS, myTasks, -5, "已由我认领的任务");
    }

    private void ensure(String name, TaskQuery query, int priority, String description) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name).setOwner("admin").setQuery(query)
                    .setProperties(Map.of("priority", priority, "description", description, "refresh", true,
                            "color", "#b22222"));
            filters.saveFilter(filter);
        }
        String filterId = filter.getId();
        boolean readable = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
                .resourceType(Resources.FILTER).resourceId(filterId).count() > 0;
        if (!readable) {
            Authorization auth = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
            auth.setUserId(ANY);
            auth.setResource(Resources.FILTER);
            auth.setResourceId(filterId);
            auth.addPermission(Permissions.READ);
            authorizations.saveAuthorization(auth);
        }
    }
}
