package cn.streetgov.approval;

import cn.streetgov.casework.TaskNames;
import cn.streetgov.common.ForbiddenException;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.security.CurrentUser;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who may operate on a task and who may read a case — the closed world of the approval operations:
 * only someone who may work on the task (its assignee; while it is unassigned, a member of one of
 * its candidate groups), administrators for repairs, never an auditor. Lookups here bypass the
 * engine's own checks ({@link EngineWork}); the decision is taken here.
 */
@Component
class TaskAccess {

    private final EngineWork engine;
    private final TaskService tasks;
    private final HistoryService history;
    private final IdentityService identity;
    private final TaskNames names;

    TaskAccess(EngineWork engine, TaskService tasks, HistoryService history, IdentityService identity, TaskNames names) {
        this.names = names;
        this.engine = engine;
        this.tasks = tasks;
        this.history = history;
        this.identity = identity;
    }

    static final String NOT_FOUND = "任务不存在或已办结：";

    /** The open task, 404 with a Chinese reason when there is none (or it is not a task of a case). */
    Task openTask(String taskId) {
        Task task = engine.privileged(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
        if (task == null) {
            throw new NotFoundException(NOT_FOUND + taskId);
        }
        return task;
    }

    /** The completed task of a case, 404 when there is none. */
    HistoricTaskInstance historicTask(String taskId) {
        HistoricTaskInstance task = engine.privileged(() -> history.createHistoricTaskInstanceQuery().taskId(taskId)
                .singleResult());
        if (task == null) {
            throw new NotFoundException("任务不存在：" + taskId);
        }
        return task;
    }

    /** Auditors read and never act; everyone else passes this first gate. */
    static void refuseAuditor(CurrentUser user) {
        if (!user.isAdmin() && user.isMemberOf(CurrentUser.AUDITOR)) {
            throw new ForbiddenException("审计人员只能查阅案件，不能办理或操作任务");
        }
    }

    /** The candidate groups of the task (its organisations). */
    List<String> candidateGroups(String taskId) {
        return links(taskId).stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .map(IdentityLink::getGroupId).filter(g -> g != null).distinct().toList();
    }

    private List<IdentityLink> links(String taskId) {
        return engine.privileged(() -> tasks.getIdentityLinksForTask(taskId));
    }

    /** Whether the user may work on the task now (what every operation on it needs first). */
    boolean mayWork(CurrentUser user, Task task) {
        if (user.isMemberOf(CurrentUser.AUDITOR) && !user.isAdmin()) {
            return false;
        }
        if (user.isAdmin()) {
            return true;
        }
        if (task.getAssignee() != null) {
            return task.getAssignee().equals(user.userId());
        }
        return isCandidate(user, task.getId());
    }

    /** Whether the user is a candidate of the task (a member of one of its groups, or named). */
    boolean isCandidate(CurrentUser user, String taskId) {
        for (IdentityLink link : links(taskId)) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getGroupId() != null && user.isMemberOf(link.getGroupId())) {
                return true;
            }
            if (user.userId().equals(link.getUserId())) {
                return true;
            }
        }
        return false;
    }

    void requireMayWork(CurrentUser user, Task task) {
        refuseAuditor(user);
        if (!mayWork(user, task)) {
            if (task.getAssignee() != null && isCandidate(user, task.getId())) {
                throw new ForbiddenException("任务「" + names.stepName(task) + "」已由 " + task.getAssignee()
                        + " 认领，只有认领人可以办理或操作");
            }
            throw new ForbiddenException("无权操作任务「" + names.stepName(task) + "」：它不是您所在单位的任务");
        }
    }

    /** The groups the user belongs to, live from the identity service. */
    Set<String> groupsOf(String userId) {
        Set<String> groups = new LinkedHashSet<>();
        for (Group group : engine.privileged(() -> identity.createGroupQuery().groupMember(userId).list())) {
            groups.add(group.getId());
        }
        return groups;
    }

    /** The first candidate group of the task the user belongs to, else the task's first group. */
    String actingGroup(String userId, String taskId) {
        List<String> groups = candidateGroups(taskId);
        Set<String> memberOf = groupsOf(userId);
        return groups.stream().filter(memberOf::contains).findFirst().orElse(groups.isEmpty() ? null : groups.get(0));
    }

    /** The user who started the case (for a case its parent started, the parent's starter). */
    String starter(String processInstanceId) {
        String id = processInstanceId;
        for (int depth = 0; depth < 5 && id != null; depth++) {
            String current = id;
            HistoricProcessInstance instance = engine.privileged(() -> history.createHistoricProcessInstanceQuery()
                    .processInstanceId(current).singleResult());
            if (instance == null) {
                return null;
            }
            if (instance.getStartUserId() != null) {
                return instance.getStartUserId();
            }
            id = instance.getSuperProcessInstanceId();
        }
        return null;
    }
}
