package cn.streetgov.workspace;

import cn.streetgov.approval.CaseRecordView;
import cn.streetgov.approval.EngineWork;
import cn.streetgov.security.CurrentUser;
import cn.streetgov.workspace.CaseViews.Diagram;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's diagram (流程图), for running and ended cases alike: the BPMN of the version the case runs
 * on, the elements it completed and those it is at (from the engine's history of its activities), and
 * the sequence flows it took.
 * <p>
 * The engine keeps no history of sequence flows, so they are worked out: a flow counts as taken when
 * its source completed and its target was reached. That is exact on a path without loops; where the
 * case passed a gateway more than once, or reached a target by another way, a flow out of that gateway
 * may be marked although this case did not take it.
 */
@Service
class CaseDiagrams {

    private final CaseRecordView view;
    private final CaseItems items;
    private final EngineWork engine;
    private final HistoryService history;
    private final RepositoryService repository;

    CaseDiagrams(CaseRecordView view, CaseItems items, EngineWork engine, HistoryService history,
            RepositoryService repository) {
        this.view = view;
        this.items = items;
        this.engine = engine;
        this.history = history;
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public Diagram diagram(CurrentUser user, String processInstanceId) {
        view.requireMayRead(user, processInstanceId);
        String definitionId = items.head(processInstanceId).processDefinitionId();
        Set<String> completed = new TreeSet<>();
        Set<String> active = new TreeSet<>();
        Set<String> reached = new TreeSet<>();
        for (HistoricActivityInstance activity : engine.privileged(() -> history
                .createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).list())) {
            // a multi-instance step appears as its body (userTask_x#multiInstanceBody) and its instances
            String id = activity.getActivityId().split("#", 2)[0];
            reached.add(id);
            if (activity.getEndTime() == null) {
                active.add(id);
            } else if (!activity.isCanceled()) {
                completed.add(id);
            }
        }
        BpmnModelInstance model = engine.privileged(() -> repository.getBpmnModelInstance(definitionId));
        List<String> flows = model.getModelElementsByType(SequenceFlow.class).stream()
                .filter(flow -> completed.contains(flow.getSource().getId()) && reached.contains(flow.getTarget().getId()))
                .map(SequenceFlow::getId).sorted().toList();
        return new Diagram(definitionId, xml(definitionId), List.copyOf(completed), List.copyOf(active), flows);
    }

    private String xml(String definitionId) {
        try (InputStream in = engine.privileged(() -> repository.getProcessModel(definitionId))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
