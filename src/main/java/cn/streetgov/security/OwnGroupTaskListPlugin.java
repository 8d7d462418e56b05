package cn.streetgov.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.springframework.stereotype.Component;

/**
 * An official's list of their organisation's tasks without the engine's per-task authorization
 * join. Each candidate group of a task gets its own authorization row on the task (READ and
 * TASK_WORK), and the engine's task query joins every candidate task with every authorization row
 * of the caller's groups: measured on MariaDB, 0.8 s for one street's list with 1,000 open tasks and
 * 26 s with 10,000. A query that asks only for tasks whose candidate groups are among the caller's
 * own groups ({@code candidateGroup}/{@code candidateGroupIn}, as Tasklist's 本单位待办 does) finds
 * exactly the tasks those rows grant, so the join is left out for it; every other task query (by
 * assignee, by process, with {@code or}, with a group the caller is not in, with like or
 * with/without candidate groups) keeps the engine's check. The tenant check stays.
 */
@Component
class OwnGroupTaskListPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineManagers.replace(configuration, TaskManager.class, OwnGroupTaskManager::new);
    }

    /** Camunda's task manager, leaving the authorization join out of a query for the caller's own groups' tasks. */
    static final class OwnGroupTaskManager extends TaskManager {
        @Override
        protected void configureQuery(TaskQueryImpl query) {
            super.configureQuery(query);
            // MyBatis reads getShouldPerformAuthorizatioCheck(): enabled and permission checks present
            if (query.getAuthCheck().getShouldPerformAuthorizatioCheck()
                    && Context.getCommandContext() != null
                    && asksOnlyForOwnGroups(query, Context.getCommandContext().getAuthentication())) {
                query.getAuthCheck().setAuthorizationCheckEnabled(false);
            }
        }
    }

    /**
     * True when {@code query}, its expressions evaluated, is restricted to tasks with a candidate group
     * among the caller's own groups and by nothing that widens it.
     */
    static boolean asksOnlyForOwnGroups(TaskQueryImpl query, Authentication caller) {
        if (caller == null || caller.getUserId() == null || caller.getGroupIds() == null
                || query.getQueries().size() != 1 || query.isOrQueryActive()
                || query.getCandidateUser() != null || query.getCandidateGroupLike() != null
                || query.getInvolvedUser() != null
                || Boolean.TRUE.equals(query.isWithCandidateGroups()) || Boolean.TRUE.equals(query.isWithoutCandidateGroups())
                || Boolean.TRUE.equals(query.isWithCandidateUsers()) || Boolean.TRUE.equals(query.isWithoutCandidateUsers())) {
            return false;
        }
        List<String> asked = new ArrayList<>();
        if (query.getCandidateGroup() != null) {
            asked.add(query.getCandidateGroup());
        }
        if (query.getCandidateGroupsInternal() != null) {
            asked.addAll(query.getCandidateGroupsInternal());
        }
        if (asked.isEmpty() || asked.stream().anyMatch(g -> g == null || g.isBlank())) {
            return false;
        }
        Set<String> own = new HashSet<>(caller.getGroupIds());
        return own.containsAll(asked);
    }
}
