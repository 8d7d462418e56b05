package cn.streetgov.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import cn.streetgov.casework.TaskNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Tasklist filters every official works with, readable by everyone who logs in, in this order:
 * 本单位待办 (the tasks of the user's own groups, claimed or not), 我的待办 (claimed by the user),
 * 即将到期 (due within {@value #DUE_SOON_DAYS} days) and 已超期 (past due), the last two over the
 * tasks of the user's groups and those assigned to the user. Their queries use the current user's
 * identity ({@code currentUser()}, {@code currentUserGroups()}), so each official sees only their
 * own work; the engine's task authorizations stand behind that. The expressions are stored by the
 * application; the engine API guard refuses any expression a user sends.
 * <p>
 * The cards show the case in a few Chinese words (never a code: the urgency as its label, the
 * organisations by name, {@code casework.CaseDescriber#card}); the task's name carries the case number
 * ({@code casework.TaskNames}). Filters of an earlier version are brought up to date at start-up.
 */
@Component
public class TasklistFilterSeeder {

    static final String MY_GROUP_TASKS = "本单位待办";
    static final String MY_TASKS = "我的待办";
    static final String DUE_SOON = "即将到期";
    static final String OVERDUE = "已超期";
    static final int DUE_SOON_DAYS = 2;

    /**
     * The variables shown on the task cards: the case in a few words, kept with each task by the
     * kernel ({@code casework.CaseDescriber#card}: a task's own variable, readable with the task).
     */
    static final List<Map<String, String>> CARD_VARIABLES = List.of(variable(TaskNames.CARD_VARIABLE, "案件"));

    private static final String CURRENT_USER = "${currentUser()}";
    private static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";

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
        TaskQuery groupTasks = tasks.createTaskQuery().taskCandidateGroupInExpression(CURRENT_USER_GROUPS)
                .includeAssignedTasks().orderByTaskCreateTime().desc();
        TaskQuery myTasks = tasks.createTaskQuery().taskAssigneeExpression(CURRENT_USER)
                .orderByDueDate().asc().orderByTaskCreateTime().desc();
        TaskQuery dueSoon = mineOrMyGroups().dueAfterExpression("${now()}")
                .dueBeforeExpression("${dateTime().plusDays(" + DUE_SOON_DAYS + ").toDate()}")
                .orderByDueDate().asc();
        TaskQuery overdue = mineOrMyGroups().dueBeforeExpression("${now()}").orderByDueDate().asc();
        ensure(MY_GROUP_TASKS, groupTasks, -20, "本单位（所在组）可以办理的全部任务，含已由同事认领的");
        ensure(MY_TASKS, myTasks, -15, "已由我认领的任务，先到期的在前");
        ensure(DUE_SOON, dueSoon, -10, DUE_SOON_DAYS + " 天内到期、尚未办理的任务（本单位的和我的）");
        ensure(OVERDUE, overdue, -5, "已过办理期限、尚未办理的任务（本单位的和我的）");
    }

    /** Tasks assigned to the current user or open to one of the user's groups (claimed or not). */
    private TaskQuery mineOrMyGroups() {
        return tasks.createTaskQuery().or().taskAssigneeExpression(CURRENT_USER)
                .taskCandidateGroupInExpression(CURRENT_USER_GROUPS).includeAssignedTasks().endOr();
    }

    private void ensure(String name, TaskQuery query, int priority, String description) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("description", description);
        properties.put("refresh", true);
        properties.put("color", "#b22222");
        properties.put("variables", CARD_VARIABLES);
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name).setOwner("admin").setQuery(query).setProperties(properties);
            filters.saveFilter(filter);
        } else if (!sameQuery(filter.getQuery(), query) || !Objects.equals(filter.getProperties(), properties)) {
            filter.setQuery(query);
            filter.setProperties(properties);
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

    private static boolean sameQuery(TaskQuery stored, TaskQuery wanted) {
        JsonTaskQueryConverter json = new JsonTaskQueryConverter();
        return stored != null && json.toJson(stored).toString().equals(json.toJson(wanted).toString());
    }

    private static Map<String, String> variable(String name, String label) {
        Map<String, String> variable = new LinkedHashMap<>();
        variable.put("name", name);
        variable.put("label", label);
        return variable;
    }
}
