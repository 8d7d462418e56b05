package cn.streetgov.workspace;

import cn.streetgov.approval.ApprovalOperations;
import cn.streetgov.approval.EngineWork;
import cn.streetgov.casework.CaseIndex;
import cn.streetgov.casework.DoneStep;
import cn.streetgov.casework.IndexedCase;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.security.CurrentUser;
import cn.streetgov.workspace.CaseViews.CaseItem;
import cn.streetgov.workspace.CaseViews.CurrentStep;
import cn.streetgov.workspace.CaseViews.MyStep;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Builds the rows of the lists (and the header of a record) for one page of cases at a time: where
 * each running case is (its open tasks and those of the cases it called, one query for the page),
 * its outcome in Chinese, who started it, the caller's last step and whether they may withdraw it.
 */
@Component
class CaseItems {

    private final CaseIndex index;
    private final EngineWork engine;
    private final TaskService tasks;
    private final HistoryService history;
    private final CaseNames names;
    private final ApprovalOperations operations;

    CaseItems(CaseIndex index, EngineWork engine, TaskService tasks, HistoryService history, CaseNames names,
            ApprovalOperations operations) {
        this.index = index;
        this.engine = engine;
        this.tasks = tasks;
        this.history = history;
        this.names = names;
        this.operations = operations;
    }

    /** The case as the index (else the history) knows it; 404 when there is none. */
    CaseHead head(String processInstanceId) {
        return index.find(processInstanceId).map(CaseHead::of).orElseGet(() -> {
            HistoricProcessInstance instance = engine.privileged(() -> history.createHistoricProcessInstanceQuery()
                    .processInstanceId(processInstanceId).singleResult());
            if (instance == null) {
                throw new NotFoundException("案件不存在：" + processInstanceId);
            }
            return CaseHead.of(instance);
        });
    }

    /**
     * The rows of the cases, in their order.
     *
     * @param mine the caller's last step per case where the caller already knows it (the 已办 page)
     */
    List<CaseItem> items(CurrentUser user, List<CaseHead> heads, Map<String, DoneStep> mine) {
        Map<String, List<CurrentStep>> steps = currentSteps(heads);
        // a page names the same people and organisations many times: look each up once
        Map<String, String> people = new HashMap<>();
        Map<String, String> organisations = new HashMap<>();
        List<CaseItem> items = new ArrayList<>();
        for (CaseHead head : heads) {
            DoneStep last = mine.containsKey(head.processInstanceId()) ? mine.get(head.processInstanceId())
                    : index.lastDone(head.processInstanceId(), user.userId()).orElse(null);
            String withdrawable = head.running() && last != null && operations.mayWithdraw(user, last.getTaskId())
                    ? last.getTaskId() : null;
            items.add(new CaseItem(head.processInstanceId(), head.caseNo(), head.processKey(), head.processName(),
                    head.subject(), head.running() ? "RUNNING" : "ENDED", head.running() ? "办理中" : "已办结",
                    steps.getOrDefault(head.processInstanceId(), List.of()), head.outcome(),
                    index.outcomeLabel(head.processKey(), head.outcome()), CaseNames.at(head.startedAt()),
                    CaseNames.at(head.endedAt()), person(people, starter(head)),
                    last == null ? null : new MyStep(last.getStepName(), CaseNames.at(last.getDoneAt()), last.getTaskId()),
                    withdrawable, head.orgCodes().stream().map(code -> organisations.computeIfAbsent(code,
                            names::organisation)).distinct().toList()));
        }
        return items;
    }

    private String person(Map<String, String> people, String userId) {
        return userId == null ? null : people.computeIfAbsent(userId, names::person);
    }

    CaseItem item(CurrentUser user, CaseHead head) {
        return items(user, List.of(head), Map.of()).get(0);
    }

    /** Who started the case; for a case another one called, who started that one. */
    private String starter(CaseHead head) {
        String starter = head.starterUser();
        String parent = head.parentInstanceId();
        for (int depth = 0; starter == null && parent != null && depth < 5; depth++) {
            IndexedCase up = index.find(parent).orElse(null);
            if (up == null) {
                return null;
            }
            starter = up.getStarterUser();
            parent = up.getParentInstanceId();
        }
        return starter;
    }

    /** The open steps of the running cases and of the running cases they called, in one task query. */
    private Map<String, List<CurrentStep>> currentSteps(List<CaseHead> heads) {
        List<String> running = heads.stream().filter(CaseHead::running).map(CaseHead::processInstanceId).toList();
        if (running.isEmpty()) {
            return Map.of();
        }
        Map<String, String> caseOf = new HashMap<>();
        running.forEach(id -> caseOf.put(id, id));
        List<String> level = running;
        for (int depth = 0; depth < 3 && !level.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (IndexedCase child : index.runningChildren(level)) {
                caseOf.put(child.getProcessInstanceId(), caseOf.get(child.getParentInstanceId()));
                next.add(child.getProcessInstanceId());
            }
            level = next;
        }
        String[] ids = caseOf.keySet().toArray(String[]::new);
        List<Task> open = engine.privileged(() -> tasks.createTaskQuery().processInstanceIdIn(ids).list());
        Map<String, Map<String, CurrentStep>> steps = new LinkedHashMap<>();
        for (Task task : open) {
            String name = names.step(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getName());
            List<String> groups = names.candidateGroups(task.getId());
            String org = groups.isEmpty() ? names.person(task.getAssignee()) : names.organisationOf(groups.get(0));
            OffsetDateTime due = CaseNames.at(task.getDueDate());
            // one row per step and organisation (a campaign's many cases at one step), the earliest due
            steps.computeIfAbsent(caseOf.get(task.getProcessInstanceId()), id -> new LinkedHashMap<>())
                    .merge(name + "|" + org, new CurrentStep(name, org, due), (a, b) -> earlier(a, b));
        }
        Map<String, List<CurrentStep>> sorted = new HashMap<>();
        steps.forEach((id, byStep) -> sorted.put(id, byStep.values().stream()
                .sorted(Comparator.comparing(CurrentStep::due, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(CurrentStep::name).thenComparing(s -> s.orgName() == null ? "" : s.orgName()))
                .toList()));
        return sorted;
    }

    private static CurrentStep earlier(CurrentStep a, CurrentStep b) {
        if (a.due() == null) {
            return b;
        }
        return b.due() != null && b.due().isBefore(a.due()) ? b : a;
    }
}
