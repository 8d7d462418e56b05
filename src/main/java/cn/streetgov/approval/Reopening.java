package cn.streetgov.approval;

import cn.streetgov.casework.ApprovalPolicy;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.casework.Json;
import cn.streetgov.casework.TaskNames;
import cn.streetgov.common.ConflictException;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.PlainVariables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationInstantiationBuilder;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Puts a case back to an earlier user task — the engine side of 退回 and 撤回, built on process
 * instance modification:
 * <ul>
 * <li>the target must be a user task the case completed (or the starter's revise step) from which
 * the flow leads to where the case is, with no step that cannot be undone in between;</li>
 * <li>what the flow from the target would reach again is cancelled (the returning task, a token
 * waiting at a join) — nothing else: the other branches of a parallel step and the other instances
 * of a multi-instance step go on;</li>
 * <li>a parallel join the case passed since is refilled with the tokens of the branches that are not
 * redone, so that the redone branch alone lets it fire again;</li>
 * <li>a task inside a multi-instance step is reopened for the same element (the same street or
 * department), inside the step's running instance when there is one;</li>
 * <li>the reopened task goes back to whoever did it before, with a fresh due date.</li>
 * </ul>
 */
@Component
class Reopening {

    static final String COMPLETED = "completed";

    private final EngineWork engine;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;
    private final RepositoryService repository;
    private final DecisionRecord decisions;
    private final TaskNames names;
    private final Map<String, ProcessGraph> graphs = new ConcurrentHashMap<>();

    Reopening(EngineWork engine, RuntimeService runtime, TaskService tasks, HistoryService history,
            RepositoryService repository, DecisionRecord decisions, TaskNames names) {
        this.names = names;
        this.decisions = decisions;
        this.engine = engine;
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
        this.repository = repository;
    }

    ProcessGraph graph(String processDefinitionId) {
        return graphs.computeIfAbsent(processDefinitionId,
                id -> new ProcessGraph(engine.privileged(() -> repository.getBpmnModelInstance(id))));
    }

    /**
     * A step the case may be put back to.
     *
     * @param previous the completed task reopened (its assignee gets the task back), null for the
     *        starter's revise step when the case never reached it
     * @param elementValue the street/department of a multi-instance step, or null
     * @param toStarter whether this is 退回发起人
     */
    record Target(String activityId, String name, HistoricTaskInstance previous, Object elementValue,
            boolean toStarter) {
    }

    /** The steps the open task may be returned to, latest first per step (and element). */
    List<Target> returnTargets(Task task, ApprovalPolicy policy) {
        ProcessGraph graph = graph(task.getProcessDefinitionId());
        String here = task.getTaskDefinitionKey();
        Map<String, Target> byKey = new LinkedHashMap<>();
        String revise = policy.starterRevise(here);
        List<HistoricTaskInstance> done = completedTasks(task.getProcessInstanceId());
        for (int i = done.size() - 1; i >= 0; i--) {
            HistoricTaskInstance previous = done.get(i);
            String activity = previous.getTaskDefinitionKey();
            if (activity == null || activity.equals(here) || activity.equals(revise)
                    || policy.notReturnable().contains(activity) || !graph.isUserTask(activity)
                    || !graph.leadsTo(activity, here)
                    || passedPointOfNoReturn(graph, policy, task.getProcessInstanceId(), activity, here,
                            previous.getEndTime())
                    || joinOnCycle(graph, activity)) {
                continue;
            }
            Object element = elementValue(graph, previous);
            byKey.putIfAbsent(activity + "|" + element,
                    new Target(activity, graph.name(activity), previous, element, false));
        }
        List<Target> targets = new ArrayList<>();
        if (revise != null && graph.isUserTask(revise) && graph.leadsTo(revise, here)) {
            HistoricTaskInstance previous = done.stream().filter(t -> revise.equals(t.getTaskDefinitionKey()))
                    .reduce((a, b) -> b).orElse(null);
            targets.add(new Target(revise, graph.name(revise), previous, null, true));
        }
        targets.addAll(byKey.values());
        return targets;
    }

    /** The plan of a reopening, worked out before anything changes. */
    record Plan(String processInstanceId, String processDefinitionId, Target target, Date since,
            List<String> cancelActivityInstances, List<String> cancelTransitionInstances,
            List<ProcessGraph.JoinRefill> refills, String explicitTaskId) {
    }

    /** What a return of the open task to the target cancels and refills. */
    Plan planReturn(Task task, Target target) {
        Date since = target.previous() == null ? ClockUtil.getCurrentTime() : target.previous().getEndTime();
        return plan(task.getProcessInstanceId(), task.getProcessDefinitionId(), target, since, task.getId());
    }

    /**
     * What a withdrawal of the completed task cancels: everything the flow reached from it since it was
     * completed, which must still be untouched; refused with the Chinese reason otherwise.
     */
    Plan planWithdrawal(HistoricTaskInstance done, ApprovalPolicy policy, UntouchedCheck untouched) {
        String instanceId = done.getProcessInstanceId();
        ProcessGraph graph = graph(done.getProcessDefinitionId());
        String activity = done.getTaskDefinitionKey();
        // what was decided after it, in the order the case's record keeps (the history's times may
        // be whole seconds, too coarse to order steps done within one second)
        Long mine = decisions.latest(done.getId(), CaseDecision.Type.DECISION).map(CaseDecision::getId).orElse(null);
        for (CaseDecision later : decisions.ofProcessInstance(instanceId)) {
            if (mine != null && later.getId() > mine && later.getType() == CaseDecision.Type.DECISION
                    && !done.getId().equals(later.getTaskId()) && graph.leadsTo(activity, later.getTaskKey())) {
                throw new ConflictException("下一步「" + later.getStepName() + "」已经办理，不能撤回");
            }
        }
        for (HistoricTaskInstance later : completedTasks(instanceId)) {
            if (mine == null && later.getStartTime() != null && later.getStartTime().after(done.getEndTime())
                    && !later.getId().equals(done.getId()) && graph.leadsTo(activity, later.getTaskDefinitionKey())) {
                throw new ConflictException("下一步「" + names.stepName(later) + "」已经办理，不能撤回");
            }
        }
        for (String point : policy.pointsOfNoReturn()) {
            if (graph.leadsTo(activity, point) && passedSince(instanceId, point, done.getEndTime())) {
                throw new ConflictException("案件已经过「" + graph.name(point) + "」，不能撤回");
            }
        }
        if (joinOnCycle(graph, activity)) {
            throw new ConflictException("该步骤在流程中的位置不支持撤回");
        }
        Target target = new Target(activity, graph.name(activity), done, elementValue(graph, done), false);
        Plan plan = plan(instanceId, done.getProcessDefinitionId(), target, done.getEndTime(), null);
        for (String activityInstanceId : plan.cancelActivityInstances()) {
            untouched.check(activityInstanceId);
        }
        if (plan.cancelActivityInstances().isEmpty() && plan.cancelTransitionInstances().isEmpty()
                && runningMultiInstance(instanceId, graph, activity) == null) {
            throw new ConflictException("案件已向后推进，没有可以撤回的下一步");
        }
        return plan;
    }

    /** Refuses (with the Chinese reason) to cancel an activity instance someone has touched. */
    interface UntouchedCheck {
        void check(String activityInstanceId);
    }

    private Plan plan(String instanceId, String definitionId, Target target, Date since, String explicitTaskId) {
        ProcessGraph graph = graph(definitionId);
        ActivityInstance tree = engine.privileged(() -> runtime.getActivityInstance(instanceId));
        if (tree == null) {
            throw new ConflictException("案件已办结，不能退回或撤回");
        }
        Set<String> again = graph.reachableFrom(target.activityId());
        List<String> cancelActivities = new ArrayList<>();
        List<String> cancelTransitions = new ArrayList<>();
        String explicitInstance = explicitTaskId == null ? null
                : engine.privileged(() -> tasks.createTaskQuery().taskId(explicitTaskId).singleResult()).getExecutionId();
        collectLeaves(tree, leaf -> {
            boolean reached = again.contains(leaf.getActivityId()) && !leaf.getActivityId().equals(target.activityId());
            if (reached && startedSince(leaf.getId(), since)) {
                cancelActivities.add(leaf.getId());
            }
        }, transition -> {
            if (again.contains(transition.getActivityId()) && !transition.getActivityId().equals(target.activityId())) {
                cancelTransitions.add(transition.getId());
            }
        });
        if (explicitTaskId != null) {
            String own = activityInstanceOfTask(tree, explicitInstance, explicitTaskId);
            if (own != null && !cancelActivities.contains(own)) {
                cancelActivities.add(own);
            }
        }
        List<ProcessGraph.JoinRefill> refills = new ArrayList<>();
        for (ProcessGraph.JoinRefill join : graph.joinsFrom(target.activityId())) {
            if (join.tokens() > 0 && firedSince(instanceId, join.gatewayId(), since)) {
                refills.add(join);
            }
        }
        return new Plan(instanceId, definitionId, target, since, cancelActivities, cancelTransitions, refills,
                explicitTaskId);
    }

    /**
     * Carries out the plan in the caller's transaction: refills the joins, starts the target (for the
     * same element of a multi-instance step), cancels what it replaces; answers the reopened task.
     */
    Task execute(Plan plan, ApprovalPolicy policy, String assignee) {
        // each engine call is its own command (flushed when it ends), all in the caller's transaction
        String instanceId = plan.processInstanceId();
        ProcessGraph graph = graph(plan.processDefinitionId());
        Target target = plan.target();
        Map<String, Object> variables = engine.privileged(() -> PlainVariables.ofTyped(
                runtime.getVariablesTyped(instanceId, false)));
        Map<String, Object> refreshed = policy.beforeReopening(target.activityId(), variables);
        if (!refreshed.isEmpty()) {
            engine.privileged(() -> runtime.setVariables(instanceId, refreshed));
        }
        Set<String> before = new HashSet<>();
        engine.privileged(() -> tasks.createTaskQuery().processInstanceId(instanceId).list())
                .forEach(t -> before.add(t.getId()));
        for (ProcessGraph.JoinRefill join : plan.refills()) {
            for (int i = 0; i < join.tokens(); i++) {
                engine.privileged(() -> {
                    ProcessInstanceModificationBuilder refill = runtime.createProcessInstanceModification(instanceId);
                    String ancestor = activeScope(graph, runtime.getActivityInstance(instanceId), join.gatewayId());
                    (ancestor == null ? refill.startBeforeActivity(join.gatewayId())
                            : refill.startBeforeActivity(join.gatewayId(), ancestor)).execute();
                });
            }
        }
        engine.privileged(() -> {
            ProcessInstanceModificationBuilder modification = runtime.createProcessInstanceModification(instanceId);
            String ancestor = activeScope(graph, runtime.getActivityInstance(instanceId), target.activityId());
            ProcessInstanceModificationInstantiationBuilder start = ancestor == null
                    ? modification.startBeforeActivity(target.activityId())
                    : modification.startBeforeActivity(target.activityId(), ancestor);
            Optional<ProcessGraph.MultiInstance> multi = graph.multiInstance(target.activityId());
            if (multi.isPresent() && target.elementValue() != null) {
                start.setVariableLocal(multi.get().elementVariable(), target.elementValue());
            }
            plan.cancelActivityInstances().forEach(start::cancelActivityInstance);
            plan.cancelTransitionInstances().forEach(start::cancelTransitionInstance);
            start.execute();
        });
        List<Task> reopened = engine.privileged(() -> tasks.createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey(target.activityId()).list()).stream()
                .filter(t -> !before.contains(t.getId())).toList();
        if (reopened.size() != 1) {
            throw new IllegalStateException("reopening " + target.activityId() + " of " + instanceId
                    + " created " + reopened.size() + " tasks");
        }
        String taskId = reopened.get(0).getId();
        if (assignee != null) {
            engine.privileged(() -> tasks.setAssignee(taskId, assignee));
        }
        engine.privileged(() -> refreshDueDate(taskId, target.previous()));
        policy.reopened(target.activityId(), target.elementValue(), engine.privileged(() -> PlainVariables.ofTyped(
                runtime.getVariablesTyped(instanceId, false))));
        return engine.privileged(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
    }

    /**
     * One more instance of the running multi-instance step the task belongs to (a department added
     * to a running whistle), with the given local variables (its element first); answers the new task.
     */
    Task addInstance(Task task, Map<String, Object> localVariables) {
        ProcessGraph graph = graph(task.getProcessDefinitionId());
        ProcessGraph.MultiInstance multi = graph.multiInstance(task.getTaskDefinitionKey()).orElseThrow();
        String body = runningMultiInstance(task.getProcessInstanceId(), graph, task.getTaskDefinitionKey());
        if (body == null) {
            throw new ConflictException("「" + names.stepName(task) + "」的并行办理已结束，不能再增加办理单位");
        }
        String instanceId = task.getProcessInstanceId();
        Set<String> before = new HashSet<>();
        engine.privileged(() -> tasks.createTaskQuery().processInstanceId(instanceId).list())
                .forEach(t -> before.add(t.getId()));
        engine.privileged(() -> {
            ProcessInstanceModificationInstantiationBuilder start = runtime.createProcessInstanceModification(instanceId)
                    .startBeforeActivity(multi.activityId(), body);
            localVariables.forEach(start::setVariableLocal);
            start.execute();
        });
        return engine.privileged(() -> tasks.createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey(task.getTaskDefinitionKey()).list()).stream()
                .filter(t -> !before.contains(t.getId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no task for the added instance of " + multi.activityId()));
    }

    /** Cancels the instance of the multi-instance step the open task runs in (an added one removed again). */
    void removeInstance(Task task) {
        ProcessGraph graph = graph(task.getProcessDefinitionId());
        ProcessGraph.MultiInstance multi = graph.multiInstance(task.getTaskDefinitionKey()).orElseThrow();
        String instanceId = task.getProcessInstanceId();
        ActivityInstance tree = engine.privileged(() -> runtime.getActivityInstance(instanceId));
        String inner = innerInstanceOf(tree, multi.activityId(), task.getExecutionId());
        if (inner == null) {
            throw new IllegalStateException("no instance of " + multi.activityId() + " for task " + task.getId());
        }
        List<ActivityInstance> bodies = new ArrayList<>();
        find(tree, multi.activityId() + "#multiInstanceBody", bodies);
        ActivityInstance body = bodies.stream().filter(b -> holds(b, task.getExecutionId())).findFirst().orElseThrow();
        long running = java.util.Arrays.stream(body.getChildActivityInstances())
                .filter(child -> multi.activityId().equals(child.getActivityId())).count();
        if (running > 1) {
            engine.privileged(() -> runtime.createProcessInstanceModification(instanceId).cancelActivityInstance(inner)
                    .execute());
            return;
        }
        // the last open instance: the step is done without it and the case moves on past it
        engine.privileged(() -> runtime.createProcessInstanceModification(instanceId)
                .startAfterActivity(multi.activityId() + "#multiInstanceBody").cancelActivityInstance(body.getId())
                .execute());
    }

    /** The activity instance of the step (not its body) that holds the execution somewhere below it. */
    private static String innerInstanceOf(ActivityInstance node, String activityId, String executionId) {
        if (activityId.equals(node.getActivityId()) && holds(node, executionId)) {
            return node.getId();
        }
        for (ActivityInstance child : node.getChildActivityInstances()) {
            String found = innerInstanceOf(child, activityId, executionId);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static boolean holds(ActivityInstance node, String executionId) {
        for (String id : node.getExecutionIds()) {
            if (id.equals(executionId)) {
                return true;
            }
        }
        for (ActivityInstance child : node.getChildActivityInstances()) {
            if (holds(child, executionId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A due date that has passed already (an absolute deadline of the first round) or equals the old
     * one is moved to now plus the time the task had the first time.
     */
    private void refreshDueDate(String taskId, HistoricTaskInstance previous) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        Date now = ClockUtil.getCurrentTime();
        Date due = task.getDueDate();
        boolean stale = due == null || !due.after(now)
                || previous != null && previous.getDueDate() != null && due.equals(previous.getDueDate());
        if (!stale || previous == null || previous.getDueDate() == null || previous.getStartTime() == null) {
            return;
        }
        Duration allowed = Duration.between(previous.getStartTime().toInstant(), previous.getDueDate().toInstant());
        if (allowed.isNegative() || allowed.isZero()) {
            allowed = Duration.ofDays(1);
        }
        // whole seconds, as the engine keeps due dates on MariaDB/MySQL
        task.setDueDate(new Date((now.getTime() + allowed.toMillis()) / 1000 * 1000));
        tasks.saveTask(task);
    }

    /** The running instance of the innermost enclosing scope of the activity, or null (the process). */
    private static String activeScope(ProcessGraph graph, ActivityInstance tree, String activityId) {
        Optional<ProcessGraph.MultiInstance> multi = graph.multiInstance(activityId);
        List<String> scopes = new ArrayList<>();
        if (multi.isPresent() && multi.get().activityId().equals(activityId)) {
            scopes.add(activityId + "#multiInstanceBody");
        }
        for (var scope : graph.enclosing(activityId)) {
            if (multi.isPresent() && multi.get().activityId().equals(scope.getId())) {
                scopes.add(scope.getId() + "#multiInstanceBody");
            } else {
                scopes.add(scope.getId());
            }
        }
        for (String scope : scopes) {
            List<ActivityInstance> found = new ArrayList<>();
            find(tree, scope, found);
            if (!found.isEmpty()) {
                return found.get(0).getId();
            }
        }
        return null;
    }

    /** The running multi-instance body of the activity's step, or null. */
    String runningMultiInstance(String instanceId, ProcessGraph graph, String activityId) {
        Optional<ProcessGraph.MultiInstance> multi = graph.multiInstance(activityId);
        if (multi.isEmpty()) {
            return null;
        }
        ActivityInstance tree = engine.privileged(() -> runtime.getActivityInstance(instanceId));
        if (tree == null) {
            return null;
        }
        List<ActivityInstance> found = new ArrayList<>();
        find(tree, multi.get().activityId() + "#multiInstanceBody", found);
        return found.isEmpty() ? null : found.get(0).getId();
    }

    private static void find(ActivityInstance node, String activityId, List<ActivityInstance> found) {
        if (activityId.equals(node.getActivityId())) {
            found.add(node);
        }
        for (ActivityInstance child : node.getChildActivityInstances()) {
            find(child, activityId, found);
        }
    }

    private static void collectLeaves(ActivityInstance node, java.util.function.Consumer<ActivityInstance> leaves,
            java.util.function.Consumer<TransitionInstance> transitions) {
        for (TransitionInstance transition : node.getChildTransitionInstances()) {
            transitions.accept(transition);
        }
        if (node.getChildActivityInstances().length == 0 && node.getParentActivityInstanceId() != null) {
            leaves.accept(node);
            return;
        }
        for (ActivityInstance child : node.getChildActivityInstances()) {
            collectLeaves(child, leaves, transitions);
        }
    }

    private String activityInstanceOfTask(ActivityInstance tree, String executionId, String taskId) {
        List<String> found = new ArrayList<>();
        collectLeaves(tree, leaf -> {
            for (String execution : leaf.getExecutionIds()) {
                if (execution.equals(executionId)) {
                    found.add(leaf.getId());
                }
            }
        }, transition -> {
        });
        if (found.isEmpty()) {
            throw new IllegalStateException("no activity instance for task " + taskId);
        }
        return found.get(0);
    }

    private boolean startedSince(String activityInstanceId, Date since) {
        HistoricActivityInstance instance = engine.privileged(() -> history.createHistoricActivityInstanceQuery()
                .activityInstanceId(activityInstanceId).singleResult());
        return instance == null || instance.getStartTime() == null || !instance.getStartTime().before(since);
    }

    private boolean firedSince(String instanceId, String gatewayId, Date since) {
        return engine.privileged(() -> history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId(gatewayId).finished().list()).stream()
                .anyMatch(i -> !i.isCanceled() && i.getStartTime() != null && !i.getStartTime().before(since));
    }

    private boolean passedSince(String instanceId, String activityId, Date since) {
        return engine.privileged(() -> history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId(activityId).list()).stream()
                .anyMatch(i -> i.getStartTime() != null && !i.getStartTime().before(since));
    }

    private boolean passedPointOfNoReturn(ProcessGraph graph, ApprovalPolicy policy, String instanceId,
            String from, String to, Date since) {
        for (String point : policy.pointsOfNoReturn()) {
            if (graph.leadsTo(from, point) && graph.leadsTo(point, to) && passedSince(instanceId, point, since)) {
                return true;
            }
        }
        return false;
    }

    private static boolean joinOnCycle(ProcessGraph graph, String activity) {
        return graph.joinsFrom(activity).stream().anyMatch(ProcessGraph.JoinRefill::onCycle);
    }

    /** The case's completed user tasks, oldest first. */
    List<HistoricTaskInstance> completedTasks(String instanceId) {
        return engine.privileged(() -> history.createHistoricTaskInstanceQuery().processInstanceId(instanceId)
                .finished().orderByHistoricTaskInstanceEndTime().asc().list()).stream()
                .filter(t -> COMPLETED.equals(t.getDeleteReason())).toList();
    }

    /**
     * The element (street, department) a completed task of a multi-instance step was for, as its
     * decision record keeps it: every multi-instance task of our processes declares its element
     * variable as context of its decision (the engine's history keeps the element variable on the
     * multi-instance body, where the instances cannot be told apart).
     */
    private Object elementValue(ProcessGraph graph, HistoricTaskInstance task) {
        Optional<ProcessGraph.MultiInstance> multi = graph.multiInstance(task.getTaskDefinitionKey());
        if (multi.isEmpty() || multi.get().elementVariable() == null) {
            return null;
        }
        String name = multi.get().elementVariable();
        Object value = decisions.latest(task.getId(), CaseDecision.Type.DECISION)
                .map(d -> d.getDetails() == null ? null : Json.readObject(d.getDetails()).get(name)).orElse(null);
        if (value == null) {
            throw new InvalidInputException("无法确定「" + names.stepName(task) + "」对应的办理单位，不能退回或撤回到该步骤");
        }
        return value;
    }
}
