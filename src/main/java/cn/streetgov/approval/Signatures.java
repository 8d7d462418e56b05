package cn.streetgov.approval;

import cn.streetgov.audit.AuditTrail;
import cn.streetgov.casework.ApprovalOperation;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseIndex;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.TaskNames;
import cn.streetgov.common.ConflictException;
import cn.streetgov.common.ForbiddenException;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.security.CurrentUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 加签 / 减签: adding approvers to a task and removing one who has not acted yet.
 * <ul>
 * <li>前加签 (BEFORE) and 并行加签 (PARALLEL): each added approver gets a sign task (a subtask of the
 * task, with its due date) on which they sign an opinion; the task cannot be completed while one of
 * them is open (before: the holder decides after reading them; parallel: they sign alongside and
 * the case moves on once all have);</li>
 * <li>后加签 (AFTER): the holder's opinion is recorded now and the task passes to the one added
 * approver, whose decision completes it.</li>
 * </ul>
 */
@Component
class Signatures {

    private final ApprovalOperations operations;
    private final TaskAccess access;
    private final OperationRecord record;
    private final EngineWork engine;
    private final TaskService tasks;
    private final AuditTrail audit;
    private final CaseSignRepository signs;
    private final Reopening reopening;

    Signatures(ApprovalOperations operations, TaskAccess access, OperationRecord record, EngineWork engine,
            TaskService tasks, AuditTrail audit, CaseSignRepository signs, Reopening reopening, CaseIndex index) {
        this.index = index;
        this.reopening = reopening;
        this.operations = operations;
        this.access = access;
        this.record = record;
        this.engine = engine;
        this.tasks = tasks;
        this.audit = audit;
        this.signs = signs;
        operations.setSignatures(this);
    }

    private final CaseIndex index;

    /** A sign task is a subtask outside any process: the only subtasks the application creates. */
    static boolean isSignTask(Task task) {
        return task.getProcessInstanceId() == null && task.getParentTaskId() != null;
    }

    /** Someone added to a task, as the Tasklist plugin lists them. */
    public record Signer(String userId, String name, String position, String positionLabel, String taskId,
            boolean signed) {
    }

    List<Signer> signers(Task parent) {
        return signs.findByParentTaskIdOrderByIdAsc(parent.getId()).stream().filter(s -> s.getRemovedAt() == null)
                .map(s -> new Signer(s.getSignerUser(), operations.displayName(s.getSignerUser()), s.getPosition().name(),
                        s.getPosition().label(), s.getSignTaskId(), s.getSignedAt() != null))
                .toList();
    }

    /** The open BEFORE/PARALLEL signers of a task (its completion waits for them). */
    List<CaseSign> blocking(String parentTaskId) {
        return signs.findByParentTaskIdOrderByIdAsc(parentTaskId).stream()
                .filter(s -> s.isOpen() && s.getPosition() != CaseSign.Position.AFTER
                        && s.getPosition() != CaseSign.Position.INSTANCE).toList();
    }

    @Transactional
    public ApprovalOperations.Done addSign(CurrentUser user, String taskId, List<String> userIds, String position,
            String reason) {
        Task task = access.openTask(taskId);
        access.requireMayWork(user, task);
        if (isSignTask(task)) {
            throw new ConflictException("加签任务不能再加签");
        }
        if (task.getDelegationState() == org.camunda.bpm.engine.task.DelegationState.PENDING) {
            throw new ConflictException("委派中的任务不能加签，请先交还");
        }
        operations.refuseIfForbidden(task, ApprovalOperation.ADD_SIGN);
        CaseSign.Position where = position(position);
        String why = ApprovalOperations.required(reason, where == CaseSign.Position.AFTER ? "本人意见及加签理由" : "加签理由");
        List<String> added = userIds == null ? List.of() : ApprovalOperations.distinct(userIds);
        if (added.isEmpty()) {
            throw new InvalidInputException("请选择加签人");
        }
        if (where == CaseSign.Position.AFTER && added.size() != 1) {
            throw new InvalidInputException("后加签一次只能加一人");
        }
        List<ApprovalOperations.Person> allowed = operations.allowedPeople(user, task);
        List<ApprovalOperations.Person> parallel = where == CaseSign.Position.PARALLEL
                ? operations.parallelPeople(user, task) : List.of();
        List<ApprovalOperations.Person> people = new ArrayList<>();
        List<ApprovalOperations.Person> instances = new ArrayList<>();
        for (String id : added) {
            ApprovalOperations.Person another = allowed.stream().anyMatch(p -> p.userId().equals(id)) ? null
                    : parallel.stream().filter(p -> p.userId().equals(id)).findFirst().orElse(null);
            if (another != null) {
                instances.add(another);
                continue;
            }
            ApprovalOperations.Person person = allowed.stream().filter(p -> p.userId().equals(id)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("不能加签 " + id + "：只能加签可办理「" + operations.stepName(task)
                            + "」的本单位人员" + (where == CaseSign.Position.PARALLEL ? "或尚未召集的办理单位人员" : "")));
            boolean already = signs.findByParentTaskIdOrderByIdAsc(task.getId()).stream()
                    .anyMatch(s -> s.isOpen() && s.getSignerUser().equals(id));
            if (already) {
                throw new InvalidInputException(person.name() + " 已是该任务的加签人");
            }
            people.add(person);
        }
        CaseRef ref = operations.caseOf(task);
        audit.takeTurn(ref.processInstanceId());
        Instant now = CaseClock.instant();
        String holder = task.getAssignee() == null ? user.userId() : task.getAssignee();
        for (ApprovalOperations.Person person : instances) {
            Map<String, Object> local = operations.policy(ref.processKey()).addParallel(task.getTaskDefinitionKey(),
                    person.userId(), access.groupsOf(person.userId()), operations.caseVariables(ref.processInstanceId()));
            if (local.isEmpty()) {
                throw new InvalidInputException("不能为「" + operations.stepName(task) + "」增加 " + person.name() + " 所在单位");
            }
            Task instance = reopening.addInstance(task, local);
            signs.save(new CaseSign(ref, task.getId(), instance.getId(), operations.stepName(task), CaseSign.Position.INSTANCE,
                    person.userId(), user.userId(), why, now));
            people.add(person);
        }
        for (ApprovalOperations.Person person : people) {
            if (instances.contains(person)) {
                continue;
            }
            String signTaskId = task.getId();
            if (where == CaseSign.Position.AFTER) {
                engine.privileged(() -> tasks.setAssignee(task.getId(), person.userId()));
            } else {
                signTaskId = engine.privileged(() -> {
                    Task sign = tasks.newTask();
                    sign.setParentTaskId(task.getId());
                    sign.setName(TaskNames.caseName(ref.caseNo(), null, where.label() + "：" + operations.stepName(task)));
                    sign.setDescription(why);
                    sign.setAssignee(person.userId());
                    sign.setDueDate(task.getDueDate());
                    sign.setPriority(task.getPriority());
                    tasks.saveTask(sign);
                    return sign.getId();
                });
            }
            signs.save(new CaseSign(ref, task.getId(), signTaskId, operations.stepName(task), where, person.userId(), user.userId(),
                    why, now));
        }
        OperationRecord.Step step = operations.step(ref, task);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("position", where.name());
        details.put("userIds", added);
        List<String> names = people.stream().map(ApprovalOperations.Person::name).toList();
        record.record(step, CaseDecision.Type.ADD_SIGN, where.name(), where.label() + "：" + String.join("、", names),
                why, details, user.userId(), access.actingGroup(user.userId(), task.getId()));
        String message = operations.displayName(holder) + " 请您对案件 " + ref.caseNo() + "「" + operations.stepName(task) + "」"
                + (where == CaseSign.Position.AFTER ? "继续办理并作出决定" : "签署意见") + "：" + why;
        people.forEach(p -> record.notifyUser(step, NoticeKind.NEW_TASK, p.userId(), message));
        return new ApprovalOperations.Done(where.label() + "：" + String.join("、", names), task.getId());
    }

    @Transactional
    public ApprovalOperations.Done removeSign(CurrentUser user, String taskId, String userId, String reason) {
        Task task = access.openTask(taskId);
        TaskAccess.refuseAuditor(user);
        String why = ApprovalOperations.required(reason, "减签理由");
        if (userId == null || userId.isBlank()) {
            throw new InvalidInputException("请选择要减去的加签人");
        }
        // an added approver of this task, or this task itself when it is an added instance (a department added)
        CaseSign sign = signs.findByParentTaskIdOrderByIdAsc(task.getId()).stream()
                .filter(s -> s.isOpen() && s.getSignerUser().equals(userId)).findFirst()
                .or(() -> signs.findFirstBySignTaskIdOrderByIdDesc(task.getId())
                        .filter(s -> s.isOpen() && s.getPosition() == CaseSign.Position.INSTANCE
                                && s.getSignerUser().equals(userId)))
                .orElseThrow(() -> new InvalidInputException(userId + " 不是「" + operations.stepName(task)
                        + "」尚未签署意见的加签人，不能减签"));
        CaseRef ref = operations.caseOf(task);
        boolean adder = user.userId().equals(sign.getAddedBy());
        boolean holder = sign.getPosition() == CaseSign.Position.INSTANCE
                ? user.userId().equals(access.starter(ref.processInstanceId()))
                : access.mayWork(user, task);
        if (!adder && !holder && !user.isAdmin()) {
            throw new ForbiddenException("只有加签的人或该任务的办理人可以减签");
        }
        operations.refuseIfForbidden(task, ApprovalOperation.REMOVE_SIGN);
        audit.takeTurn(ref.processInstanceId());
        Instant now = CaseClock.instant();
        String actingGroup = access.actingGroup(user.userId(), task.getId());
        if (sign.getPosition() == CaseSign.Position.AFTER) {
            engine.privileged(() -> tasks.setAssignee(task.getId(), sign.getAddedBy()));
        } else if (sign.getPosition() == CaseSign.Position.INSTANCE) {
            Task added = access.openTask(sign.getSignTaskId());
            String variable = reopening.graph(added.getProcessDefinitionId()).multiInstance(added.getTaskDefinitionKey())
                    .orElseThrow().elementVariable();
            Object element = engine.privileged(() -> tasks.getVariable(added.getId(), variable));
            reopening.removeInstance(added);
            operations.policy(ref.processKey()).removeParallel(added.getTaskDefinitionKey(), element,
                    operations.caseVariables(ref.processInstanceId()));
        } else {
            engine.privileged(() -> tasks.deleteTask(sign.getSignTaskId(), "减签"));
        }
        sign.removed(now);
        OperationRecord.Step step = operations.step(ref, task);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("userId", userId);
        details.put("position", sign.getPosition().name());
        record.record(step, CaseDecision.Type.REMOVE_SIGN, userId, "减签：" + operations.displayName(userId), why,
                details, user.userId(), actingGroup);
        record.notifyUser(step, NoticeKind.INFO, userId, "案件 " + ref.caseNo() + "「" + operations.stepName(task)
                + "」已不再需要您加签：" + why);
        return new ApprovalOperations.Done("已减去加签人 " + operations.displayName(userId), task.getId());
    }

    @Transactional
    public ApprovalOperations.Done sign(CurrentUser user, String signTaskId, String opinion, Boolean agree) {
        Task sign = access.openTask(signTaskId);
        TaskAccess.refuseAuditor(user);
        CaseSign row = signs.findFirstBySignTaskIdOrderByIdDesc(signTaskId).filter(s -> isSignTask(sign))
                .orElseThrow(() -> new InvalidInputException("「" + operations.stepName(sign) + "」不是加签任务"));
        if (!user.userId().equals(sign.getAssignee())) {
            throw new ForbiddenException("只有加签人本人可以签署该意见");
        }
        if (!row.isOpen()) {
            throw new ConflictException("该加签意见已签署或已减签");
        }
        if (agree == null) {
            throw new InvalidInputException("请选择 同意 或 不同意");
        }
        String text = ApprovalOperations.required(opinion, "加签意见");
        Task parent = access.openTask(row.getParentTaskId());
        CaseRef ref = operations.caseOf(parent);
        audit.takeTurn(ref.processInstanceId());
        engine.privileged(() -> tasks.complete(signTaskId));
        row.signed(agree, text, CaseClock.instant());
        // a sign task is outside the model: the kernel's task listener does not see it
        index.recordDone(ref.processInstanceId(), user.userId(), signTaskId, "加签：" + row.getStepName());
        OperationRecord.Step step = new OperationRecord.Step(ref, parent.getId(), parent.getTaskDefinitionKey(),
                operations.stepName(parent));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("signTaskId", signTaskId);
        details.put("position", row.getPosition().name());
        record.record(step, CaseDecision.Type.SIGN, agree ? "AGREE" : "DISAGREE", agree ? "同意" : "不同意", text,
                details, user.userId(), groupOf(user, parent));
        String holder = parent.getAssignee() == null ? row.getAddedBy() : parent.getAssignee();
        record.notifyUser(step, NoticeKind.INFO, holder, operations.displayName(user.userId()) + " 已签署案件 "
                + ref.caseNo() + "「" + operations.stepName(parent) + "」的加签意见：" + (agree ? "同意" : "不同意") + "，" + text);
        return new ApprovalOperations.Done("已签署加签意见", parent.getId());
    }

    private String groupOf(CurrentUser user, Task parent) {
        List<String> groups = access.candidateGroups(parent.getId());
        return groups.stream().filter(user::isMemberOf).findFirst().orElse(groups.isEmpty() ? null : groups.get(0));
    }

    /** Before a return cancels the task: its open sign tasks go with it. */
    void dropOpenSigns(Task parent) {
        Instant now = CaseClock.instant();
        for (CaseSign sign : signs.findByParentTaskIdOrderByIdAsc(parent.getId())) {
            if (sign.isOpen()) {
                if (sign.getPosition() == CaseSign.Position.BEFORE || sign.getPosition() == CaseSign.Position.PARALLEL) {
                    engine.privileged(() -> tasks.deleteTask(sign.getSignTaskId(), "退回"));
                }
                sign.removed(now);
            }
        }
    }

    /** The task was completed: an AFTER signer who completed it has signed by deciding. */
    void completed(String taskId, String userId) {
        for (CaseSign sign : signs.findByParentTaskIdOrderByIdAsc(taskId)) {
            if (sign.isOpen() && sign.getPosition() == CaseSign.Position.AFTER && sign.getSignerUser().equals(userId)) {
                sign.signed(true, null, CaseClock.instant());
            }
        }
        signs.findFirstBySignTaskIdOrderByIdDesc(taskId)
                .filter(s -> s.isOpen() && s.getPosition() == CaseSign.Position.INSTANCE)
                .ifPresent(s -> s.signed(true, null, CaseClock.instant()));
    }

    private static CaseSign.Position position(String position) {
        if (position == null || position.isBlank()) {
            throw new InvalidInputException("请选择加签方式（前加签 BEFORE、后加签 AFTER、并行加签 PARALLEL）");
        }
        try {
            return CaseSign.Position.valueOf(position.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("加签方式只能是 前加签 BEFORE、后加签 AFTER 或 并行加签 PARALLEL");
        }
    }
}
