package cn.streetgov.casework;

import cn.streetgov.common.PlainVariables;
import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link CaseIndex} current from every process the engine deploys, without anything in the
 * BPMN (built-in listeners, which no skip option skips): the start of a case (after its start event,
 * so that the start listener has set the case number), every user task created (the case moved: its
 * subject and organisations are read again), every user task completed (the official's 已办) and the
 * end of the case.
 */
@Component
class CaseIndexPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<CaseIndex> index;

    CaseIndexPlugin(ObjectProvider<CaseIndex> index) {
        this.index = index;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, ended);
            }

            @Override
            public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
                if (scope instanceof ProcessDefinitionEntity) {
                    startEventActivity.addBuiltInListener(ExecutionListener.EVENTNAME_END, started);
                }
            }
        });
        UserTaskListeners.addToEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, created);
        UserTaskListeners.addToEveryUserTask(configuration, TaskListener.EVENTNAME_COMPLETE, completed);
    }

    private final ExecutionListener started = this::caseStarted;
    private final ExecutionListener ended = this::caseEnded;
    private final TaskListener created = this::taskCreated;

    private void caseStarted(DelegateExecution execution) {
        index.getObject().refresh(start(execution, true), facts(execution));
    }

    private void caseEnded(DelegateExecution execution) {
        index.getObject().ended(start(execution, false), facts(execution), execution.isCanceled(),
                CaseClock.instant());
    }

    private void taskCreated(DelegateTask task) {
        index.getObject().refresh(start(task.getExecution(), false), facts(task.getExecution()));
    }

    private final TaskListener completed = this::recordCompleted;

    private void recordCompleted(DelegateTask task) {
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
        index.getObject().recordDone(task.getProcessInstanceId(), user, task.getId(), stepName(task));
    }

    /** The step as the model names it (a task's own name may carry the case number). */
    static String stepName(DelegateTask task) {
        FlowElement element = task.getBpmnModelElementInstance();
        return element != null && element.getName() != null ? element.getName() : task.getName();
    }

    /**
     * The case as the engine knows it now.
     *
     * @param atStart whether this is its start event (the logged-in user is its starter); a case first
     *        met later (begun by an administrator in the middle) has no starter in the index
     */
    private static CaseIndex.Start start(DelegateExecution execution, boolean atStart) {
        ExecutionEntity instance = (ExecutionEntity) execution.getProcessInstance();
        ExecutionEntity parent = instance.getSuperExecution();
        ProcessDefinitionEntity definition = instance.getProcessDefinition();
        Authentication auth = atStart
                ? execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() : null;
        return new CaseIndex.Start(instance.getId(), parent == null ? null : parent.getProcessInstanceId(),
                definition.getKey(), definition.getId(), definition.getName(),
                auth == null ? null : auth.getUserId(), CaseClock.instant());
    }

    private static CaseDescriber.Facts facts(DelegateExecution execution) {
        DelegateExecution instance = execution.getProcessInstance();
        Map<String, Object> variables = PlainVariables.of(instance);
        String caseNo = instance.getProcessBusinessKey();
        if (caseNo == null && variables.get(CaseRefs.CASE_NO) != null) {
            caseNo = variables.get(CaseRefs.CASE_NO).toString();
        }
        return new CaseDescriber.Facts(instance.getId(), caseNo, variables);
    }
}
