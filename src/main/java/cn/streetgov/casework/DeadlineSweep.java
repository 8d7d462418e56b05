package cn.streetgov.casework;

import cn.streetgov.audit.AuditEvent;
import cn.streetgov.audit.AuditEventType;
import cn.streetgov.audit.AuditTrail;
import cn.streetgov.org.GroupCatalog;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Person;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds and escalates by the due dates of open user tasks: a task due within
 * {@code app.deadlines.remind-before} gets one {@link NoticeKind#REMINDER} to its assignee (else its
 * candidates), a task past its due date one {@link NoticeKind#ESCALATION} to the group its
 * workflow's {@link EscalationPolicy} names. Each notice is written with an audit record of the
 * case, in one transaction that first inserts the task's row of {@code task_deadline_notice}: a
 * task never gets the same kind twice, also when two nodes sweep at the same moment. Tasks whose
 * BPMN has its own reminder or deadline timer ({@code app.deadlines.own-reminders},
 * {@code own-escalations}) are left to it. Runs on a schedule ({@link DeadlineSchedule}); tests call
 * {@link #sweep()} after moving the engine clock.
 */
@Service
public class DeadlineSweep {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final DeadlineProperties properties;
    private final ObjectProvider<EscalationPolicy> policies;
    private final GroupCatalog groups;
    private final OrgDirectory orgs;
    private final TaskNames names;
    private final Map<String, String> processKeys = new ConcurrentHashMap<>();

    DeadlineSweep(TaskService tasks, RuntimeService runtime, RepositoryService repository,
            Notifications notifications, AuditTrail audit, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            DeadlineProperties properties, ObjectProvider<EscalationPolicy> policies, GroupCatalog groups,
            OrgDirectory orgs, TaskNames names) {
        this.names = names;
        this.tasks = tasks;
        this.runtime = runtime;
        this.repository = repository;
        this.notifications = notifications;
        this.audit = audit;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.policies = policies;
        this.groups = groups;
        this.orgs = orgs;
    }

    /** What one sweep sent: how many tasks were reminded and how many escalated. */
    public record Result(int reminded, int escalated) {
    }

    /** Reminds and escalates every open task of every case that is due. */
    public Result sweep() {
        return sweep(null);
    }

    /** The same for the tasks of one case only. */
    public Result sweepCase(String processInstanceId) {
        return sweep(processInstanceId);
    }

    private Result sweep(String processInstanceId) {
        Instant now = CaseClock.instant();
        Date remindFrom = CaseClock.toDate(CaseClock.toLocal(now).plus(properties.remindBeforeAmount()));
        TaskQuery query = tasks.createTaskQuery().active().dueBefore(remindFrom);
        if (processInstanceId != null) {
            query.processInstanceId(processInstanceId);
        }
        int reminded = 0;
        int escalated = 0;
        List<Task> due = new ArrayList<>(query.orderByDueDate().asc().list());
        if (processInstanceId != null) {
            // the case's sign tasks (加签) are outside the process: found through the tasks they belong to
            for (Task open : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
                tasks.getSubTasks(open.getId()).stream()
                        .filter(sub -> sub.getDueDate() != null && sub.getDueDate().before(remindFrom))
                        .forEach(due::add);
            }
        }
        for (Task task : due) {
            // a task outside any process is an added approver's sign task (加签): it has the deadline of
            // the task it belongs to and the same reminder and escalation, about that task's case
            boolean signTask = task.getProcessInstanceId() == null;
            Task caseTask = signTask ? parentOf(task) : task;
            if (caseTask == null || caseTask.getProcessInstanceId() == null) {
                continue;
            }
            try {
                if (task.getDueDate().toInstant().isAfter(now)) {
                    if ((signTask || !properties.ownReminder(task.getTaskDefinitionKey()))
                            && send(task, caseTask, NoticeKind.REMINDER)) {
                        reminded++;
                    }
                } else if ((signTask || !properties.ownEscalation(task.getTaskDefinitionKey()))
                        && send(task, caseTask, NoticeKind.ESCALATION)) {
                    escalated++;
                }
            } catch (RuntimeException e) {
                // one broken task must not stop the others; the next sweep tries it again
                log.warn("期限提醒失败：任务 {}（{}）: {}", task.getId(), task.getTaskDefinitionKey(), e.toString());
            }
        }
        if (reminded + escalated > 0) {
            log.info("期限检查：提醒 {} 项，逾期上报 {} 项", reminded, escalated);
        }
        return new Result(reminded, escalated);
    }

    private Task parentOf(Task task) {
        return task.getParentTaskId() == null ? null
                : tasks.createTaskQuery().taskId(task.getParentTaskId()).singleResult();
    }

    /**
     * Sends the task's notice of that kind unless it has had it (or is being sent it elsewhere right
     * now); {@code caseTask} is the task itself, or for a sign task the task of the case it belongs to.
     */
    private boolean send(Task task, Task caseTask, NoticeKind kind) {
        if (alreadySent(task.getId(), kind)) {
            return false;
        }
        String processKey = processKey(caseTask.getProcessDefinitionId());
        List<Recipient> recipients = kind == NoticeKind.REMINDER ? candidates(task) : escalation(caseTask, processKey);
        if (recipients.isEmpty()) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(ownTransaction.execute(status -> {
                jdbc.update("insert into task_deadline_notice (task_id, kind, sent_at) values (?, ?, ?)",
                        task.getId(), kind.name(),
                        Timestamp.valueOf(LocalDateTime.ofInstant(CaseClock.instant(), ZoneOffset.UTC)));
                notify(task, caseTask, kind, processKey, recipients);
                return true;
            }));
        } catch (DataIntegrityViolationException | ConcurrencyFailureException sentElsewhere) {
            log.debug("任务 {} 的{}已由另一节点发送: {}", task.getId(), kind.label(), sentElsewhere.toString());
            return false;
        }
    }

    private boolean alreadySent(String taskId, NoticeKind kind) {
        Integer rows = jdbc.queryForObject("select count(*) from task_deadline_notice where task_id = ? and kind = ?",
                Integer.class, taskId, kind.name());
        return rows != null && rows > 0;
    }

    private void notify(Task task, Task caseTask, NoticeKind kind, String processKey, List<Recipient> recipients) {
        String caseNo = caseNo(caseTask);
        String due = CaseClock.toLocal(task.getDueDate()).format(SHOWN);
        String step = names.stepName(task);
        String message = kind == NoticeKind.REMINDER
                ? "案件 " + caseNo + " 的待办「" + step + "」将于 " + due + " 到期，请及时办理。"
                : "案件 " + caseNo + " 的待办「" + step + "」已于 " + due + " 逾期未办（当前办理："
                        + String.join("、", shownNames(candidates(task))) + "），请督促办理。";
        for (Recipient recipient : recipients) {
            notifications.send(recipient.group()
                    ? Notice.toGroup(caseNo, caseTask.getProcessInstanceId(), kind, recipient.id(), message)
                    : Notice.toUser(caseNo, caseTask.getProcessInstanceId(), kind, recipient.id(), message));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("dueDate", CaseClock.toLocal(task.getDueDate()).toString());
        details.put("recipients", names(recipients));
        audit.record(new AuditEvent(caseTask.getProcessInstanceId(), caseNo, processKey,
                kind == NoticeKind.REMINDER ? AuditEventType.REMINDER : AuditEventType.ESCALATION,
                caseTask.getTaskDefinitionKey(), step, task.getId(), AuditEvent.SYSTEM_ACTOR, null, null, null,
                message, Json.write(details), CaseClock.instant()));
    }

    private record Recipient(String id, boolean group) {
    }

    /** The task's assignee, else its candidate users and groups. */
    private List<Recipient> candidates(Task task) {
        List<Recipient> recipients = new ArrayList<>();
        if (task.getAssignee() != null) {
            recipients.add(new Recipient(task.getAssignee(), false));
            return recipients;
        }
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                recipients.add(link.getGroupId() != null ? new Recipient(link.getGroupId(), true)
                        : new Recipient(link.getUserId(), false));
            }
        }
        return recipients;
    }

    private List<Recipient> escalation(Task task, String processKey) {
        EscalationPolicy policy = policies.orderedStream().filter(p -> p.processKey().equals(processKey))
                .findFirst().orElse(null);
        if (policy == null) {
            log.warn("流程 {} 没有逾期上报规则（EscalationPolicy），任务 {} 逾期不上报", processKey, task.getId());
            return List.of();
        }
        String group = policy.escalateTo(task, variables(task.getId()));
        return group == null ? List.of() : List.of(new Recipient(group, true));
    }

    private static List<String> names(List<Recipient> recipients) {
        return recipients.stream().map(Recipient::id).toList();
    }

    /** The recipients as a person reads them: organisations and people by name, never by id. */
    private List<String> shownNames(List<Recipient> recipients) {
        return recipients.stream().map(r -> r.group()
                ? groups.nameOf(r.id()).orElse("相关单位")
                : orgs.findPerson(r.id()).map(Person::getDisplayName).orElse("经办人")).toList();
    }

    /** The task's variables as plain values, read without deserialising any object variable. */
    private Map<String, Object> variables(String taskId) {
        Map<String, Object> values = new LinkedHashMap<>();
        tasks.getVariablesTyped(taskId, false).forEach((name, value) -> {
            Object plain = value;
            if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
                plain = serializable.getValueSerialized();
            } else if (value instanceof TypedValue typed) {
                plain = typed.getValue();
            }
            values.put(name, plain);
        });
        return values;
    }

    private String caseNo(Task task) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult();
        if (instance != null && instance.getBusinessKey() != null) {
            return instance.getBusinessKey();
        }
        Object caseNo = runtime.getVariable(task.getProcessInstanceId(), CaseRefs.CASE_NO);
        return caseNo == null ? task.getProcessInstanceId() : caseNo.toString();
    }

    private String processKey(String processDefinitionId) {
        return processKeys.computeIfAbsent(processDefinitionId,
                id -> repository.getProcessDefinition(id).getKey());
    }
}
