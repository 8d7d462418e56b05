package cn.streetgov.notify;

import cn.streetgov.casework.CaseNotification;
import cn.streetgov.casework.CaseOutcomes;
import cn.streetgov.casework.CaseRefs;
import cn.streetgov.casework.Notice;
import cn.streetgov.casework.NoticeDelivery;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.TaskNames;
import cn.streetgov.casework.Notifications;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * The notices the engine's own events call for, in every workflow alike (engine listeners of
 * {@link CaseEventPlugin}, nothing in the BPMN):
 * <ul>
 * <li>{@link NoticeKind#NEW_TASK} when a user task is created: to its assignee, else to its candidate
 * groups (every member) and users, with the task's name and due date. Sent when the transaction
 * commits, from the task as it is then (an approval operation may have assigned it since); not for a
 * task the caller assigned to themselves, nor for a case an operation of the same transaction told
 * of its task itself (退回, 加签 send their own notice).</li>
 * <li>{@link NoticeKind#CASE_END} to the person who started the case when it ends, with the Chinese
 * label of its {@code outcome} ({@link CaseOutcomes}) — unless they were told of the end already (a
 * rejection by the rules, a workflow's own end notice to their group). A case started by another
 * case (a call activity) ends inside it: its starter hears of the case that called it; a case an
 * administrator cancels tells no one.</li>
 * </ul>
 * Also a {@link NoticeDelivery}: it notes which cases an operation told of a task in the current
 * transaction.
 */
@Component
class CaseEventNotices implements NoticeDelivery {

    private final Notifications notifications;
    private final EngineReads engine;
    private final CaseOutcomes outcomes;
    private final IdentityService identity;
    private final JdbcTemplate jdbc;

    CaseEventNotices(Notifications notifications, EngineReads engine, CaseOutcomes outcomes, IdentityService identity,
            JdbcTemplate jdbc) {
        this.notifications = notifications;
        this.engine = engine;
        this.outcomes = outcomes;
        this.identity = identity;
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ new tasks

    /** A task as its notice names it, and who it is for. */
    private record NewTask(String taskId, String name, Date due, String processInstanceId, String caseNo,
            String assignee, List<String> candidateGroups, List<String> candidateUsers) {
    }

    /** The new tasks of one transaction, told when it commits. */
    private final class PendingTasks implements TransactionSynchronization {

        private final Map<String, String> caseNoByTask = new LinkedHashMap<>();
        private final Set<String> toldCases = new HashSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            Set<String> told = Set.copyOf(toldCases);
            String caller = caller();
            caseNoByTask.forEach((taskId, caseNo) -> {
                NewTask task = reread(taskId, caseNo);
                if (task != null && !told.contains(task.processInstanceId())) {
                    tell(task, caller);
                }
            });
        }
    }

    void taskCreated(DelegateTask task) {
        String caseNo = CaseRefs.caseNo(task.getExecution());
        PendingTasks pending = TransactionScoped.get(PendingTasks.class, PendingTasks::new);
        if (pending != null) {
            pending.caseNoByTask.put(task.getId(), caseNo);
            return;
        }
        // without a transaction to wait for: as the task is now
        List<String> groups = new ArrayList<>();
        List<String> users = new ArrayList<>();
        candidates(task.getCandidates(), groups, users);
        tell(new NewTask(task.getId(), TaskNames.withoutCaseNo(task.getName()), task.getDueDate(), task.getProcessInstanceId(), caseNo,
                task.getAssignee(), groups, users), caller());
    }

    @Override
    public void deliver(CaseNotification notification) {
        if (notification.getProcessInstanceId() != null
                && (notification.getKind() == NoticeKind.NEW_TASK || notification.getKind() == NoticeKind.RETURN)) {
            PendingTasks pending = TransactionScoped.get(PendingTasks.class, PendingTasks::new);
            if (pending != null) {
                pending.toldCases.add(notification.getProcessInstanceId());
            }
        }
    }

    /** The task as it is now, or null when it is no longer open. */
    private NewTask reread(String taskId, String caseNo) {
        return engine.read(e -> {
            Task task = e.getTaskService().createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                return null;
            }
            List<String> groups = new ArrayList<>();
            List<String> users = new ArrayList<>();
            candidates(e.getTaskService().getIdentityLinksForTask(taskId), groups, users);
            return new NewTask(taskId, TaskNames.withoutCaseNo(task.getName()), task.getDueDate(), task.getProcessInstanceId(), caseNo,
                    task.getAssignee(), groups, users);
        });
    }

    private static void candidates(Iterable<? extends IdentityLink> links, List<String> groups, List<String> users) {
        for (IdentityLink link : links) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                } else if (link.getUserId() != null) {
                    users.add(link.getUserId());
                }
            }
        }
    }

    private void tell(NewTask task, String caller) {
        String message = "案件 " + task.caseNo() + " 有新的待办「" + stepName(task.name(), task.caseNo()) + "」"
                + (task.due() == null ? "，请及时办理。" : "，请于 " + ShownTime.of(task.due().toInstant()) + " 前办理。");
        if (task.assignee() != null) {
            if (!task.assignee().equals(caller)) {
                notifications.send(Notice.toUser(task.caseNo(), task.processInstanceId(), NoticeKind.NEW_TASK,
                        task.assignee(), message));
            }
            return;
        }
        for (String group : task.candidateGroups()) {
            notifications.send(Notice.toGroup(task.caseNo(), task.processInstanceId(), NoticeKind.NEW_TASK, group,
                    message));
        }
        for (String user : task.candidateUsers()) {
            notifications.send(Notice.toUser(task.caseNo(), task.processInstanceId(), NoticeKind.NEW_TASK, user,
                    message));
        }
    }

    /** The step's own name: without the case number a task's name may start with (【FQ-2026-0007】…). */
    static String stepName(String taskName, String caseNo) {
        String name = taskName == null ? "" : taskName.trim();
        String prefix = "【" + caseNo + "】";
        return name.startsWith(prefix) ? name.substring(prefix.length()).trim() : name;
    }

    private String caller() {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    // ------------------------------------------------------------------ end of a case

    void caseEnded(DelegateExecution execution) {
        if (!(execution instanceof ExecutionEntity instance) || instance.isCanceled()
                || instance.getSuperExecutionId() != null) {
            return;
        }
        String starter = starter(instance.getProcessInstanceId());
        if (starter == null || toldOfTheEnd(starter, instance.getProcessInstanceId())) {
            return;
        }
        String caseNo = CaseRefs.caseNo(execution);
        TypedValue outcome = execution.getVariableTyped(CaseOutcomes.VARIABLE, false);
        String label = outcomes.label(CaseRefs.processKey(execution), outcome == null ? null : outcome.getValue());
        String process = instance.getProcessDefinition() == null ? null : instance.getProcessDefinition().getName();
        String message = "您发起的" + (process == null ? "案件 " : "「" + process + "」案件 ") + caseNo + " 已办结"
                + (CaseOutcomes.ENDED.equals(label) ? "。" : "，结果：" + label + "。");
        notifications.send(Notice.toUser(caseNo, instance.getProcessInstanceId(), NoticeKind.CASE_END, starter, message));
    }

    /**
     * Who started the case, from the engine's history of its start: the command's own entity while
     * the case ends in the command that started it (not in the database yet), else the stored one —
     * read past the command's cache, which by now holds the end event, without the starter.
     */
    private static String starter(String processInstanceId) {
        CommandContext command = Context.getCommandContext();
        HistoricProcessInstanceEventEntity started = command.getDbEntityManager()
                .getCachedEntity(HistoricProcessInstanceEventEntity.class, processInstanceId);
        if (started == null || started.getStartUserId() == null) {
            started = command.getDbSqlSession().selectById(HistoricProcessInstanceEntity.class, processInstanceId);
        }
        return started == null ? null : started.getStartUserId();
    }

    /** Whether the person already has a notice of the case's end (or of its rejection by the rules). */
    private boolean toldOfTheEnd(String userId, String processInstanceId) {
        Integer told = jdbc.queryForObject("select count(*) from notify_inbox i join case_notification n"
                + " on n.id = i.notification_id where i.user_id = ? and n.process_instance_id = ?"
                + " and n.kind in ('CASE_END', 'REJECTED_BY_RULES')", Integer.class, userId, processInstanceId);
        return told != null && told > 0;
    }
}
