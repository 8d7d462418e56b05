package cn.streetgov.workspace;

import cn.streetgov.approval.CaseRecordView;
import cn.streetgov.approval.EngineWork;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.CaseIndex;
import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.security.CurrentUser;
import cn.streetgov.workspace.CaseViews.CaseRecord;
import cn.streetgov.workspace.CaseViews.Report;
import cn.streetgov.workspace.CaseViews.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's record as officials read it (审批记录): every user task so far — of the case and of the cases
 * it called (an assessment campaign's pairs) — with who, for which organisation and post, when, how
 * long, the decision and the opinion of the kernel's record; the typed opinions
 * ({@link CaseRecordView#opinions}); and the earlier reports its workflow names.
 */
@Service
class CaseRecords {

    static final String COMPLETED = "completed";

    private final CaseRecordView view;
    private final CaseItems items;
    private final CaseIndex index;
    private final DecisionRecord decisions;
    private final EngineWork engine;
    private final HistoryService history;
    private final CaseNames names;

    CaseRecords(CaseRecordView view, CaseItems items, CaseIndex index, DecisionRecord decisions, EngineWork engine,
            HistoryService history, CaseNames names) {
        this.view = view;
        this.items = items;
        this.index = index;
        this.decisions = decisions;
        this.engine = engine;
        this.history = history;
        this.names = names;
    }

    @Transactional(readOnly = true)
    public CaseRecord record(CurrentUser user, String processInstanceId) {
        view.requireMayRead(user, processInstanceId);
        CaseHead head = items.head(processInstanceId);
        List<Step> steps = new ArrayList<>();
        for (String id : withCalledCases(processInstanceId)) {
            steps.addAll(steps(id));
        }
        List<Report> reports = index.find(processInstanceId).map(index::reports).orElse(List.of()).stream()
                .map(r -> new Report(r.title(), names.organisation(r.orgCode()), names.person(r.userId()),
                        CaseNames.at(r.time()), r.text()))
                .toList();
        return new CaseRecord(items.item(user, head), steps, view.opinions(user, processInstanceId), reports);
    }

    /** The case and the cases it called, and theirs, in that order. */
    private List<String> withCalledCases(String processInstanceId) {
        List<String> ids = new ArrayList<>(List.of(processInstanceId));
        List<String> level = List.of(processInstanceId);
        for (int depth = 0; depth < 3 && !level.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (String parent : level) {
                engine.privileged(() -> history.createHistoricProcessInstanceQuery().superProcessInstanceId(parent)
                        .list()).stream().map(HistoricProcessInstance::getId).sorted().forEach(next::add);
            }
            ids.addAll(next);
            level = next;
        }
        return ids;
    }

    /**
     * The user tasks of one engine case, oldest first: by creation, then — as the engine's times may
     * be whole seconds — by the order of their decisions in the record.
     */
    private List<Step> steps(String processInstanceId) {
        Map<String, CaseDecision> decided = new HashMap<>();
        Map<String, Long> order = new HashMap<>();
        for (CaseDecision entry : decisions.ofProcessInstance(processInstanceId)) {
            if (entry.getType() == CaseDecision.Type.DECISION && entry.getTaskId() != null) {
                decided.put(entry.getTaskId(), entry);
                order.put(entry.getTaskId(), entry.getId());
            }
        }
        List<HistoricTaskInstance> tasks = new ArrayList<>(engine.privileged(() -> history
                .createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list()));
        tasks.sort(Comparator.comparing(HistoricTaskInstance::getStartTime)
                .thenComparing(t -> order.getOrDefault(t.getId(), Long.MAX_VALUE))
                .thenComparing(HistoricTaskInstance::getId));
        List<Step> steps = new ArrayList<>();
        for (HistoricTaskInstance task : tasks) {
            steps.add(step(task, decided.get(task.getId())));
        }
        return steps;
    }

    private Step step(HistoricTaskInstance task, CaseDecision entry) {
        boolean open = task.getEndTime() == null;
        String userId = entry != null && entry.getActorUser() != null ? entry.getActorUser() : task.getAssignee();
        String group = entry != null && entry.getActorGroup() != null ? entry.getActorGroup() : firstGroup(task, open);
        String post = entry != null && entry.getActorPost() != null ? entry.getActorPost() : names.post(userId, group);
        CaseRecordView.Opinion opinion = entry == null ? null : view.opinion(entry);
        String state = open ? "办理中" : COMPLETED.equals(task.getDeleteReason()) ? "已完成" : "已取消";
        return new Step(task.getId(), names.step(task.getProcessDefinitionId(), task.getTaskDefinitionKey(),
                task.getName()), userId, names.person(userId), names.group(group), post, CaseNames.at(task.getStartTime()),
                CaseNames.at(task.getEndTime()), open ? null
                        : Durations.chinese(Duration.between(task.getStartTime().toInstant(), task.getEndTime().toInstant())),
                state, entry == null ? null : CaseRecordView.readable(entry.getDecisionLabel()), entry == null ? null : entry.getComment(),
                opinion == null ? null : opinion.typeLabel());
    }

    private String firstGroup(HistoricTaskInstance task, boolean open) {
        List<String> groups = open ? names.candidateGroups(task.getId()) : names.historicCandidateGroups(task.getId());
        return groups.isEmpty() ? null : groups.get(0);
    }
}
