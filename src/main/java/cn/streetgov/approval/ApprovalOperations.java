package cn.streetgov.approval;

import cn.streetgov.audit.AuditTrail;
import cn.streetgov.casework.ApprovalOperation;
import cn.streetgov.casework.ApprovalPolicy;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.casework.EscalationPolicy;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.TaskDecisions;
import cn.streetgov.common.BusinessException;
import cn.streetgov.casework.TaskNames;
import cn.streetgov.common.ConflictException;
import cn.streetgov.common.ForbiddenException;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.common.PlainVariables;
import cn.streetgov.common.TooSoonException;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.security.CurrentUser;
import cn.streetgov.security.PersonNames;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval operations on the tasks of every workflow: 退回, 撤回, 转办, 委派 and its 交还, 抄送, 催办
 * (加签/减签 in {@link Signatures}). Each runs in one transaction — the engine's state, the typed
 * record ({@link OperationRecord}), the audit trail and the notices happen together or not at all —
 * and takes its turn on the case, so that it cannot interleave with a completion of the same case.
 * The rights are checked here ({@link TaskAccess}); each workflow's {@link ApprovalPolicy} says what
 * its steps forbid.
 */
@Service
public class ApprovalOperations {

    static final Duration URGE_INTERVAL = Duration.ofHours(1);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TaskAccess access;
    private final Reopening reopening;
    private final OperationRecord record;
    private final DecisionRecord decisions;
    private final EngineWork engine;
    private final TaskService tasks;
    private final HistoryService history;
    private final IdentityService identity;
    private final AuditTrail audit;
    private final OrgDirectory orgs;
    private final CaseCopyRepository copies;
    private final ObjectProvider<ApprovalPolicy> policies;
    private final ObjectProvider<EscalationPolicy> escalations;
    private final RuntimeService engineRuntime;
    private final TaskNames names;

    ApprovalOperations(TaskAccess access, Reopening reopening, OperationRecord record, DecisionRecord decisions,
            EngineWork engine, TaskService tasks, HistoryService history, IdentityService identity, AuditTrail audit,
            OrgDirectory orgs, CaseCopyRepository copies, ObjectProvider<ApprovalPolicy> policies,
            ObjectProvider<EscalationPolicy> escalations,
            RuntimeService engineRuntime, TaskNames names) {
        this.engineRuntime = engineRuntime;
        this.names = names;
        this.access = access;
        this.reopening = reopening;
        this.record = record;
        this.decisions = decisions;
        this.engine = engine;
        this.tasks = tasks;
        this.history = history;
        this.identity = identity;
        this.audit = audit;
        this.orgs = orgs;
        this.copies = copies;
        this.policies = policies;
        this.escalations = escalations;
    }

    // ------------------------------------------------------------------ what the caller may do

    /**
     * What the caller may do on the open task now; processInstanceId is the task's case (for a sign
     * task, a subtask outside the case, its parent's).
     */
    public record Operations(String taskId, String caseNo, String taskName, String processKey, boolean delegated,
            String owner, String assignee, List<ApprovalOperation> operations, Map<String, String> labels,
            List<Signatures.Signer> signers, String processInstanceId) {
    }

    @Transactional(readOnly = true)
    public Operations operations(CurrentUser user, String taskId) {
        Task task = access.openTask(taskId);
        CaseRef ref = caseOf(task);
        List<ApprovalOperation> allowed = new ArrayList<>();
        boolean delegated = task.getDelegationState() == DelegationState.PENDING;
        List<Signatures.Signer> signers = List.of();
        if (access.mayWork(user, task)) {
            if (Signatures.isSignTask(task)) {
                allowed.add(ApprovalOperation.SIGN);
            } else if (delegated) {
                allowed.add(ApprovalOperation.RESOLVE);
            } else {
                Set<ApprovalOperation> forbidden = forbidden(task);
                List<Reopening.Target> targets = reopening.returnTargets(task, policy(ref.processKey()));
                if (targets.stream().anyMatch(t -> !t.toStarter())) {
                    allowed.add(ApprovalOperation.RETURN);
                }
                if (targets.stream().anyMatch(Reopening.Target::toStarter)) {
                    allowed.add(ApprovalOperation.RETURN_TO_STARTER);
                }
                boolean colleagues = !allowedPeople(user, task).isEmpty();
                for (ApprovalOperation op : List.of(ApprovalOperation.TRANSFER, ApprovalOperation.DELEGATE)) {
                    if (colleagues && !forbidden.contains(op)) {
                        allowed.add(op);
                    }
                }
                if ((colleagues || !parallelPeople(user, task).isEmpty())
                        && !forbidden.contains(ApprovalOperation.ADD_SIGN)) {
                    allowed.add(ApprovalOperation.ADD_SIGN);
                }
                signers = signatures().signers(task);
                if (signers.stream().anyMatch(s -> !s.signed())) {
                    allowed.add(ApprovalOperation.REMOVE_SIGN);
                }
            }
            allowed.removeAll(forbidden(task));
            if (!forbidden(task).contains(ApprovalOperation.COPY)) {
                allowed.add(ApprovalOperation.COPY);
            }
        }
        if (mayUrge(user, task, ref)) {
            allowed.add(ApprovalOperation.URGE);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        allowed.forEach(op -> labels.put(op.name(), op.label()));
        return new Operations(task.getId(), ref.caseNo(), task.getName(), ref.processKey(), delegated,
                task.getOwner(), task.getAssignee(), allowed, labels, signers, ref.processInstanceId());
    }

    private Signatures signatures;

    /** Set by {@link Signatures} (the two need each other). */
    void setSignatures(Signatures signatures) {
        this.signatures = signatures;
    }

    private Signatures signatures() {
        return signatures;
    }

    // ------------------------------------------------------------------ 退回

    /** A step the open task may be returned to, as the caller sees it. */
    public record ReturnTarget(String activityId, String name, String taskId, String assignee, String assigneeName,
            String label, boolean toStarter) {
    }

    @Transactional(readOnly = true)
    public List<ReturnTarget> returnTargets(CurrentUser user, String taskId) {
        Task task = access.openTask(taskId);
        access.requireMayWork(user, task);
        refuseIfForbidden(task, ApprovalOperation.RETURN);
        CaseRef ref = caseOf(task);
        return reopening.returnTargets(task, policy(ref.processKey())).stream().map(t -> view(t, ref)).toList();
    }

    private ReturnTarget view(Reopening.Target target, CaseRef ref) {
        String assignee = target.toStarter() ? access.starter(ref.processInstanceId())
                : target.previous() == null ? null : target.previous().getAssignee();
        String name = displayName(assignee);
        StringBuilder label = new StringBuilder(target.toStarter() ? "退回发起人：" + target.name() : target.name());
        List<String> about = new ArrayList<>();
        if (target.elementValue() != null) {
            about.add(elementLabel(target.elementValue().toString()));
        }
        if (name != null) {
            about.add(name);
        }
        if (target.previous() != null && target.previous().getEndTime() != null) {
            about.add(CaseClock.toLocal(target.previous().getEndTime()).format(DateTimeFormatter.ofPattern("MM-dd HH:mm"))
                    + " 办理");
        }
        if (!about.isEmpty()) {
            label.append("（").append(String.join("，", about)).append("）");
        }
        return new ReturnTarget(target.activityId(), target.name(),
                target.previous() == null ? null : target.previous().getId(), assignee, name, label.toString(),
                target.toStarter());
    }

    /** The Chinese name of a street, department or agency code, else the code. */
    private String elementLabel(String code) {
        return orgs.nameOf(code).orElse(code);
    }

    public record Done(String message, String taskId) {
    }

    @Transactional
    public Done returnTask(CurrentUser user, String taskId, String targetActivityId, String targetTaskId,
            String reason) {
        Task task = access.openTask(taskId);
        access.requireMayWork(user, task);
        refuseIfDelegatedOrSign(task);
        String why = required(reason, "退回理由");
        if (targetActivityId == null || targetActivityId.isBlank()) {
            throw new InvalidInputException("请选择退回到哪一步");
        }
        CaseRef ref = caseOf(task);
        ApprovalPolicy policy = policy(ref.processKey());
        List<Reopening.Target> targets = reopening.returnTargets(task, policy).stream()
                .filter(t -> t.activityId().equals(targetActivityId)).toList();
        if (targets.isEmpty()) {
            throw new InvalidInputException("不能退回到「" + reopening.graph(task.getProcessDefinitionId())
                    .name(targetActivityId) + "」：本案件没有办理过该步骤，或流程不允许退回到该步骤");
        }
        Reopening.Target target;
        if (targetTaskId != null && !targetTaskId.isBlank()) {
            target = targets.stream().filter(t -> t.previous() != null && t.previous().getId().equals(targetTaskId))
                    .findFirst().orElseThrow(() -> new InvalidInputException("所选的退回对象不在可退回的范围内"));
        } else if (targets.size() == 1) {
            target = targets.get(0);
        } else {
            throw new InvalidInputException("「" + targets.get(0).name() + "」有多个办理人（多个街道或部门），请选择退回给哪一个");
        }
        refuseIfForbidden(task, target.toStarter() ? ApprovalOperation.RETURN_TO_STARTER : ApprovalOperation.RETURN);
        audit.takeTurn(ref.processInstanceId());
        String actingGroup = access.actingGroup(user.userId(), task.getId());
        String to = target.toStarter() ? access.starter(ref.processInstanceId())
                : target.previous() == null ? null : target.previous().getAssignee();
        signatures().dropOpenSigns(task);
        Reopening.Plan plan = reopening.planReturn(task, target);
        Task reopened = reopening.execute(plan, policy, exists(to) ? to : null);
        OperationRecord.Step step = step(ref, task);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("toActivityId", target.activityId());
        details.put("toStep", target.name());
        details.put("toTaskId", reopened.getId());
        if (reopened.getAssignee() != null) {
            details.put("toUser", reopened.getAssignee());
        }
        if (target.elementValue() != null) {
            details.put("element", target.elementValue().toString());
        }
        if (target.toStarter()) {
            details.put("toStarter", true);
        }
        record.record(step, CaseDecision.Type.RETURN, target.activityId(),
                (target.toStarter() ? "退回发起人：" : "退回至：") + target.name(), why, details, user.userId(), actingGroup);
        String message = "案件 " + ref.caseNo() + " 的「" + stepName(task) + "」退回至「" + target.name() + "」，理由：" + why;
        if (reopened.getAssignee() != null) {
            record.notifyUser(step, NoticeKind.RETURN, reopened.getAssignee(), message);
        } else {
            access.candidateGroups(reopened.getId()).forEach(g -> record.notifyGroup(step, NoticeKind.RETURN, g, message));
        }
        return new Done("已退回至「" + target.name() + "」" + (reopened.getAssignee() == null ? ""
                : "，由 " + displayName(reopened.getAssignee()) + " 重新办理"), reopened.getId());
    }

    /** Whether the person who did the step before still has an account (else the task goes to its groups). */
    private boolean exists(String userId) {
        return userId != null && engine.privileged(() -> identity.createUserQuery().userId(userId).count()) > 0;
    }

    // ------------------------------------------------------------------ 撤回

    @Transactional
    public Done withdraw(CurrentUser user, String historicTaskId, String reason) {
        TaskAccess.refuseAuditor(user);
        String why = required(reason, "撤回理由");
        Withdrawal withdrawal = withdrawal(user, historicTaskId, audit::takeTurn);
        HistoricTaskInstance done = withdrawal.done();
        CaseRef ref = withdrawal.ref();
        Task reopened = reopening.execute(withdrawal.plan(), withdrawal.policy(), user.userId());
        OperationRecord.Step step = new OperationRecord.Step(ref, done.getId(), done.getTaskDefinitionKey(),
                stepName(done));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reopenedTaskId", reopened.getId());
        record.record(step, CaseDecision.Type.WITHDRAW, done.getTaskDefinitionKey(), "撤回：" + stepName(done), why,
                details, user.userId(), decisions.latest(done.getId(), CaseDecision.Type.DECISION)
                        .map(CaseDecision::getActorGroup).orElse(null));
        return new Done("已撤回「" + stepName(done) + "」，请重新办理", reopened.getId());
    }

    /**
     * Whether the user may withdraw the completed task now — exactly what {@link #withdraw} would allow
     * (the same checks, run without changing anything), for lists that offer 撤回 only where it works.
     */
    @Transactional(readOnly = true)
    public boolean mayWithdraw(CurrentUser user, String historicTaskId) {
        if (historicTaskId == null) {
            return false;
        }
        try {
            TaskAccess.refuseAuditor(user);
            withdrawal(user, historicTaskId, processInstanceId -> {
            });
            return true;
        } catch (BusinessException refused) {
            return false;
        }
    }

    /** A withdrawal the rules allow, worked out before anything changes. */
    private record Withdrawal(HistoricTaskInstance done, CaseRef ref, ApprovalPolicy policy, Reopening.Plan plan) {
    }

    /**
     * The rules of 撤回, in this order; a refusal is thrown with its Chinese reason.
     *
     * @param beforePlanning what to do once the task is known to be the caller's and the case's policy
     *        allows it, before the engine's state is read for the plan (the withdrawal takes its turn on
     *        the case there)
     */
    private Withdrawal withdrawal(CurrentUser user, String historicTaskId,
            java.util.function.Consumer<String> beforePlanning) {
        HistoricTaskInstance done = access.historicTask(historicTaskId);
        if (done.getEndTime() == null || !Reopening.COMPLETED.equals(done.getDeleteReason())) {
            throw new ConflictException("任务「" + stepName(done) + "」尚未办理完成，无需撤回");
        }
        if (done.getProcessInstanceId() == null) {
            throw new InvalidInputException("该任务不属于任何案件，不能撤回");
        }
        boolean byCaller = user.userId().equals(done.getAssignee())
                || decisions.latest(done.getId(), CaseDecision.Type.DECISION)
                        .map(d -> user.userId().equals(d.getActorUser())).orElse(false);
        if (!byCaller) {
            throw new ForbiddenException("只有办理「" + stepName(done) + "」的人可以撤回它");
        }
        CaseRef ref = CaseRef.of(engine, history, done.getProcessInstanceId());
        if (ref == null || !ref.running()) {
            throw new ConflictException("案件已办结，不能撤回");
        }
        ApprovalPolicy policy = policy(ref.processKey());
        if (policy.forbidden(done.getTaskDefinitionKey()).contains(ApprovalOperation.WITHDRAW)) {
            throw new ForbiddenException("「" + stepName(done) + "」办理后不允许撤回");
        }
        beforePlanning.accept(ref.processInstanceId());
        return new Withdrawal(done, ref, policy, reopening.planWithdrawal(done, policy, this::requireUntouched));
    }

    /** Refuses to cancel a task someone has claimed or decided on (the withdrawal comes too late). */
    private void requireUntouched(String activityInstanceId) {
        List<Task> open = engine.privileged(() -> tasks.createTaskQuery().activityInstanceIdIn(activityInstanceId)
                .list());
        for (Task next : open) {
            if (next.getAssignee() != null) {
                throw new ConflictException("下一步「" + stepName(next) + "」已由 " + displayName(next.getAssignee())
                        + " 认领，不能撤回");
            }
            if (decisions.latest(next.getId(), CaseDecision.Type.DECISION).isPresent()
                    || !signatures().signers(next).isEmpty()) {
                throw new ConflictException("下一步「" + stepName(next) + "」已有人处理，不能撤回");
            }
        }
    }

    // ------------------------------------------------------------------ 转办 / 委派 / 交还

    /** A person an operation may hand the task to. */
    public record Person(String userId, String name, String groupId, String groupName, String post) {
    }

    @Transactional(readOnly = true)
    public List<Person> people(CurrentUser user, String taskId, ApprovalOperation operation) {
        Task task = access.openTask(taskId);
        access.requireMayWork(user, task);
        refuseIfForbidden(task, operation);
        List<Person> people = new ArrayList<>(allowedPeople(user, task));
        if (operation == ApprovalOperation.ADD_SIGN) {
            people.addAll(parallelPeople(user, task));
        }
        return people;
    }

    /**
     * The people who may be added in parallel as one more instance of the task's multi-instance step
     * (the officials of a department not yet summoned), as the workflow's policy names their groups.
     */
    List<Person> parallelPeople(CurrentUser user, Task task) {
        if (task.getProcessInstanceId() == null) {
            return List.of();
        }
        Set<String> groups = policy(caseOf(task).processKey()).parallelGroups(task.getTaskDefinitionKey(),
                caseVariables(task.getProcessInstanceId()));
        return members(groups, id -> !id.equals(user.userId()));
    }

    /** The case's variables as plain values. */
    Map<String, Object> caseVariables(String processInstanceId) {
        return engine.privileged(() -> PlainVariables.ofTyped(
                engineRuntime.getVariablesTyped(processInstanceId, false)));
    }

    /**
     * The people who may do the task besides the caller: the active members of its candidate groups.
     * (A step's organisation is its candidate groups: a street committee's task never goes to
     * another street.)
     */
    List<Person> allowedPeople(CurrentUser user, Task task) {
        return members(access.candidateGroups(task.getId()),
                id -> !id.equals(user.userId()) && !id.equals(task.getAssignee()));
    }

    /** The active members of the groups the filter keeps, each once (with the first group they are found in). */
    private List<Person> members(java.util.Collection<String> groups, java.util.function.Predicate<String> keep) {
        Map<String, Person> people = new LinkedHashMap<>();
        for (String group : groups) {
            String groupName = record.groupName(group);
            for (User member : engine.privileged(() -> identity.createUserQuery().memberOfGroup(group).orderByUserId()
                    .asc().list())) {
                if (keep.test(member.getId()) && orgs.findPerson(member.getId()).map(p -> p.isActive()).orElse(true)) {
                    people.putIfAbsent(member.getId(), new Person(member.getId(), displayName(member), group, groupName,
                            orgs.postTitle(member.getId(), group).orElse(null)));
                }
            }
        }
        return new ArrayList<>(people.values());
    }

    private Person requireAllowed(CurrentUser user, Task task, String userId, String what) {
        if (userId == null || userId.isBlank()) {
            throw new InvalidInputException("请选择" + what + "给谁");
        }
        if (userId.equals(user.userId())) {
            throw new InvalidInputException("不能" + what + "给自己");
        }
        return allowedPeople(user, task).stream().filter(p -> p.userId().equals(userId)).findFirst()
                .orElseThrow(() -> new InvalidInputException("不能" + what + "给 " + userId + "：只能" + what
                        + "给可办理「" + stepName(task) + "」的本单位人员"));
    }

    /** What handing a task to a colleague (转办, 委派) checks first, in this order. */
    private record HandOver(Task task, Person to, CaseRef ref, String why, String actingGroup) {
    }

    private HandOver handOver(CurrentUser user, String taskId, String userId, String reason,
            ApprovalOperation operation, String reasonLabel) {
        Task task = access.openTask(taskId);
        access.requireMayWork(user, task);
        refuseIfDelegatedOrSign(task);
        refuseIfForbidden(task, operation);
        String why = required(reason, reasonLabel);
        Person to = requireAllowed(user, task, userId, operation.label());
        CaseRef ref = caseOf(task);
        audit.takeTurn(ref.processInstanceId());
        return new HandOver(task, to, ref, why, access.actingGroup(user.userId(), task.getId()));
    }

    @Transactional
    public Done transfer(CurrentUser user, String taskId, String userId, String reason) {
        HandOver handOver = handOver(user, taskId, userId, reason, ApprovalOperation.TRANSFER, "转办理由");
        Task task = handOver.task();
        Person to = handOver.to();
        CaseRef ref = handOver.ref();
        String why = handOver.why();
        String actingGroup = handOver.actingGroup();
        String from = task.getAssignee();
        engine.privileged(() -> tasks.setAssignee(task.getId(), to.userId()));
        OperationRecord.Step step = step(ref, task);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fromUser", from == null ? user.userId() : from);
        details.put("toUser", to.userId());
        record.record(step, CaseDecision.Type.TRANSFER, to.userId(), "转办给 " + to.name(), why, details,
                user.userId(), actingGroup);
        record.notifyUser(step, NoticeKind.NEW_TASK, to.userId(), displayName(user.userId()) + " 将案件 " + ref.caseNo()
                + " 的「" + stepName(task) + "」转办给您，理由：" + why);
        return new Done("已转办给 " + to.name(), task.getId());
    }

    @Transactional
    public Done delegate(CurrentUser user, String taskId, String userId, String reason) {
        HandOver handOver = handOver(user, taskId, userId, reason, ApprovalOperation.DELEGATE, "委派说明");
        Task task = handOver.task();
        Person to = handOver.to();
        CaseRef ref = handOver.ref();
        String why = handOver.why();
        String actingGroup = handOver.actingGroup();
        String owner = task.getAssignee() == null ? user.userId() : task.getAssignee();
        engine.privileged(() -> {
            if (task.getAssignee() == null) {
                tasks.setAssignee(task.getId(), owner);
            }
            tasks.delegateTask(task.getId(), to.userId());
        });
        OperationRecord.Step step = step(ref, task);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("owner", owner);
        details.put("delegate", to.userId());
        record.record(step, CaseDecision.Type.DELEGATE, to.userId(), "委派给 " + to.name(), why, details,
                user.userId(), actingGroup);
        record.notifyUser(step, NoticeKind.NEW_TASK, to.userId(), displayName(owner) + " 将案件 " + ref.caseNo()
                + " 的「" + stepName(task) + "」委派给您办理，办完请交还。说明：" + why);
        return new Done("已委派给 " + to.name() + "，对方办完后交还给您", task.getId());
    }

    @Transactional
    public Done resolve(CurrentUser user, String taskId, String comment) {
        Task task = access.openTask(taskId);
        TaskAccess.refuseAuditor(user);
        if (task.getDelegationState() != DelegationState.PENDING) {
            throw new ConflictException("任务「" + stepName(task) + "」不是委派给您的任务，无需交还");
        }
        if (!user.userId().equals(task.getAssignee())) {
            throw new ForbiddenException("只有被委派人可以交还任务「" + stepName(task) + "」");
        }
        String text = optional(comment, "办理意见");
        CaseRef ref = caseOf(task);
        audit.takeTurn(ref.processInstanceId());
        String actingGroup = access.actingGroup(user.userId(), task.getId());
        String owner = task.getOwner();
        engine.privileged(() -> tasks.resolveTask(task.getId()));
        OperationRecord.Step step = step(ref, task);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("owner", owner);
        details.put("delegate", user.userId());
        record.record(step, CaseDecision.Type.RESOLVE, owner, "交还给 " + displayName(owner), text, details,
                user.userId(), actingGroup);
        if (owner != null) {
            record.notifyUser(step, NoticeKind.NEW_TASK, owner, displayName(user.userId()) + " 已办完您委派的案件 "
                    + ref.caseNo() + "「" + stepName(task) + "」并交还给您" + (text == null ? "" : "：" + text));
        }
        return new Done("已交还给 " + displayName(owner), task.getId());
    }

    // ------------------------------------------------------------------ 抄送

    @Transactional
    public Done copy(CurrentUser user, String taskId, List<String> userIds, List<String> groupIds, String note) {
        Task task = access.openTask(taskId);
        access.requireMayWork(user, task);
        refuseIfForbidden(task, ApprovalOperation.COPY);
        String text = optional(note, "抄送说明");
        Map<String, String> recipients = new LinkedHashMap<>();
        for (String id : userIds == null ? List.<String>of() : userIds) {
            if (id == null || engine.privileged(() -> identity.createUserQuery().userId(id).count()) == 0) {
                throw new InvalidInputException("抄送对象不存在：" + id);
            }
            recipients.putIfAbsent(id, null);
        }
        for (String group : groupIds == null ? List.<String>of() : groupIds) {
            if (group == null || engine.privileged(() -> identity.createGroupQuery().groupId(group).count()) == 0) {
                throw new InvalidInputException("抄送的单位或岗位不存在：" + group);
            }
            if (CurrentUser.ADMIN.equals(group)) {
                throw new InvalidInputException("不能抄送给系统管理员组");
            }
            engine.privileged(() -> identity.createUserQuery().memberOfGroup(group).list())
                    .forEach(member -> recipients.putIfAbsent(member.getId(), group));
        }
        recipients.remove(user.userId());
        if (recipients.isEmpty()) {
            throw new InvalidInputException("请选择抄送给哪些人或单位（不含自己）");
        }
        CaseRef ref = caseOf(task);
        // an added approver copies from their sign task: the copy is of the step it belongs to
        Task onCase = Signatures.isSignTask(task) ? access.openTask(task.getParentTaskId()) : task;
        audit.takeTurn(ref.processInstanceId());
        Instant now = CaseClock.instant();
        OperationRecord.Step step = step(ref, onCase);
        recipients.forEach((recipient, viaGroup) -> copies.save(new CaseCopy(ref, onCase.getId(), stepName(onCase),
                user.userId(), recipient, viaGroup, text, now)));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("userIds", new ArrayList<>(recipients.keySet()));
        if (groupIds != null && !groupIds.isEmpty()) {
            details.put("groupIds", groupIds);
        }
        record.record(step, CaseDecision.Type.COPY, null, "抄送 " + recipients.size() + " 人", text, details,
                user.userId(), access.actingGroup(user.userId(), onCase.getId()));
        String message = displayName(user.userId()) + " 将案件 " + ref.caseNo() + "「" + stepName(onCase) + "」抄送给您"
                + (text == null ? "" : "：" + text);
        recipients.keySet().forEach(recipient -> record.notifyUser(step, NoticeKind.COPY, recipient, message));
        return new Done("已抄送给 " + recipients.size() + " 人", onCase.getId());
    }

    // ------------------------------------------------------------------ 催办

    @Transactional
    public Done urge(CurrentUser user, String taskId, String note) {
        Task task = access.openTask(taskId);
        TaskAccess.refuseAuditor(user);
        CaseRef ref = caseOf(task);
        if (!mayUrge(user, task, ref)) {
            throw new ForbiddenException("只有案件发起人或该步骤的督办单位可以催办「" + stepName(task) + "」");
        }
        refuseIfForbidden(task, ApprovalOperation.URGE);
        String text = optional(note, "催办说明");
        audit.takeTurn(ref.processInstanceId());
        decisions.latest(task.getId(), CaseDecision.Type.URGE).ifPresent(last -> {
            Instant next = last.getDecidedAt().plus(URGE_INTERVAL);
            if (CaseClock.instant().isBefore(next)) {
                throw new TooSoonException("「" + stepName(task) + "」已于 " + CaseClock.toLocal(java.util.Date.from(
                        last.getDecidedAt())).format(MINUTE) + " 催办过，每小时最多催办一次，下次可催办时间："
                        + CaseClock.toLocal(java.util.Date.from(next)).format(MINUTE));
            }
        });
        OperationRecord.Step step = step(ref, task);
        List<String> to = new ArrayList<>();
        String message = displayName(user.userId()) + " 催办案件 " + ref.caseNo() + " 的「" + stepName(task) + "」"
                + (task.getDueDate() == null ? "" : "（办理期限 " + CaseClock.toLocal(task.getDueDate()).format(MINUTE) + "）")
                + (text == null ? "" : "：" + text);
        if (task.getAssignee() != null) {
            to.add(task.getAssignee());
            record.notifyUser(step, NoticeKind.URGE, task.getAssignee(), message);
        } else {
            for (String group : access.candidateGroups(task.getId())) {
                to.add(group);
                record.notifyGroup(step, NoticeKind.URGE, group, message);
            }
        }
        long earlier = decisions.ofProcessInstance(ref.processInstanceId()).stream()
                .filter(d -> d.getType() == CaseDecision.Type.URGE && task.getId().equals(d.getTaskId())).count();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("to", to);
        details.put("count", earlier + 1);
        record.record(step, CaseDecision.Type.URGE, null, "第 " + (earlier + 1) + " 次催办", text, details,
                user.userId(), urgingGroup(user, task, ref));
        return new Done("已催办（第 " + (earlier + 1) + " 次）", task.getId());
    }

    private boolean mayUrge(CurrentUser user, Task task, CaseRef ref) {
        if (user.isMemberOf(CurrentUser.AUDITOR) && !user.isAdmin()) {
            return false;
        }
        if (Signatures.isSignTask(task) || forbidden(task).contains(ApprovalOperation.URGE)) {
            return false;
        }
        if (user.isAdmin() || user.userId().equals(access.starter(ref.processInstanceId()))) {
            return true;
        }
        String supervisor = supervisorOf(task, ref);
        return supervisor != null && user.isMemberOf(supervisor);
    }

    /** The group that supervises the step: the one its overdue escalation goes to. */
    private String supervisorOf(Task task, CaseRef ref) {
        EscalationPolicy policy = escalations.orderedStream().filter(p -> p.processKey().equals(ref.processKey()))
                .findFirst().orElse(null);
        if (policy == null) {
            return null;
        }
        Map<String, Object> variables = engine.privileged(() -> PlainVariables.ofTyped(
                tasks.getVariablesTyped(task.getId(), false)));
        return policy.escalateTo(task, variables);
    }

    private String urgingGroup(CurrentUser user, Task task, CaseRef ref) {
        String supervisor = supervisorOf(task, ref);
        if (supervisor != null && user.isMemberOf(supervisor)) {
            return supervisor;
        }
        return user.groupIds().stream().filter(g -> !g.equals(CurrentUser.AUDITOR) && !g.equals(CurrentUser.ADMIN))
                .sorted().findFirst().orElse(null);
    }

    // ------------------------------------------------------------------ helpers

    ApprovalPolicy policy(String processKey) {
        return policies.orderedStream().filter(p -> p.processKey().equals(processKey)).findFirst()
                .orElse(() -> processKey);
    }

    Set<ApprovalOperation> forbidden(Task task) {
        String processKey = caseOf(task).processKey();
        Set<ApprovalOperation> forbidden = EnumSet.noneOf(ApprovalOperation.class);
        forbidden.addAll(policy(processKey).forbidden(task.getTaskDefinitionKey()));
        return forbidden;
    }

    void refuseIfForbidden(Task task, ApprovalOperation operation) {
        if (forbidden(task).contains(operation)) {
            throw new ForbiddenException("「" + stepName(task) + "」不允许" + operation.label());
        }
    }

    private void refuseIfDelegatedOrSign(Task task) {
        if (task.getDelegationState() == DelegationState.PENDING) {
            throw new ConflictException("任务「" + stepName(task) + "」已委派给 " + displayName(task.getAssignee())
                    + "，须先由其交还");
        }
        if (Signatures.isSignTask(task)) {
            throw new ConflictException("加签任务只能签署意见");
        }
    }

    CaseRef caseOf(Task task) {
        if (task.getProcessInstanceId() == null) {
            String parent = task.getParentTaskId();
            if (parent != null && Signatures.isSignTask(task)) {
                return caseOf(access.openTask(parent));
            }
            throw new NotFoundException(TaskAccess.NOT_FOUND + task.getId());
        }
        CaseRef ref = CaseRef.of(engine, history, task.getProcessInstanceId());
        if (ref == null) {
            throw new NotFoundException(TaskAccess.NOT_FOUND + task.getId());
        }
        return ref;
    }

    OperationRecord.Step step(CaseRef ref, Task task) {
        return new OperationRecord.Step(ref, task.getId(), task.getTaskDefinitionKey(), stepName(task));
    }

    static String required(String text, String what) {
        String value = text == null ? null : text.trim();
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException("请填写" + what);
        }
        if (value.length() > TaskDecisions.TEXT_MAX) {
            throw new InvalidInputException(what + "不能超过 " + TaskDecisions.TEXT_MAX + " 个字");
        }
        return value;
    }

    static String optional(String text, String what) {
        String value = text == null ? null : text.trim();
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > TaskDecisions.TEXT_MAX) {
            throw new InvalidInputException(what + "不能超过 " + TaskDecisions.TEXT_MAX + " 个字");
        }
        return value;
    }

    /** A person's name as Chinese officials write it (family name first), else the user id. */
    /** The plain name of the task's step (a task's own name carries its case number, see TaskNames). */
    String stepName(Task task) {
        return names.stepName(task);
    }

    String stepName(HistoricTaskInstance task) {
        return names.stepName(task);
    }

    public String displayName(String userId) {
        if (userId == null) {
            return null;
        }
        User user = engine.privileged(() -> identity.createUserQuery().userId(userId).singleResult());
        return user == null ? userId : displayName(user);
    }

    static String displayName(User user) {
        return PersonNames.fullName(user);
    }

    /** Keeps the set of users in a stable order for the record. */
    static List<String> distinct(List<String> values) {
        return new ArrayList<>(new LinkedHashSet<>(values));
    }
}
