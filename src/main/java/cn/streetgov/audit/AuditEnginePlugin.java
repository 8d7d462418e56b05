package cn.streetgov.audit;

import cn.streetgov.casework.Actor;
import cn.streetgov.casework.TaskDecisions;
import cn.streetgov.casework.TaskNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the audit trail into every process the engine deploys, without anything in the BPMN: the
 * start of a case (after its start event, so the business key is set), every completed user task
 * (who, for which organisation, when, the decision and comment declared by the workflow's
 * {@link TaskDecisions}) and the end of a case (with its outcome). Variables are read without
 * deserialising them ({@code getVariablesTyped(false)}): an {@code Object} variable is recorded by
 * its type and serialized text, never built, since building it may run the named class's code.
 * Task completions of one case take their turns on the case's chain head ({@link CaseTurns}).
 */
@Component
class AuditEnginePlugin extends AbstractProcessEnginePlugin {

    static final String OUTCOME = "outcome";

    private final ObjectProvider<AuditTrail> trail;
    private final ObjectProvider<TaskDecisions> decisions;

    AuditEnginePlugin(ObjectProvider<AuditTrail> trail, ObjectProvider<TaskDecisions> decisions) {
        this.trail = trail;
        this.decisions = decisions;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new ParseListener());
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new CaseTurns(trail));
    }

    private final class ParseListener extends AbstractBpmnParseListener {

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, caseEnded);
        }

        @Override
        public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
            if (scope instanceof ProcessDefinitionEntity) {
                startEventActivity.addBuiltInListener(ExecutionListener.EVENTNAME_END, caseStarted);
            }
        }

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, taskCompleted);
            }
        }
    }

    private final ExecutionListener caseStarted = this::recordCaseStarted;
    private final ExecutionListener caseEnded = this::recordCaseEnded;

    private void recordCaseStarted(DelegateExecution execution) {
        Authentication auth = currentAuthentication(execution);
        trail.getObject().record(new AuditEvent(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                AuditTrail.processKey(execution), AuditEventType.CASE_STARTED, execution.getCurrentActivityId(),
                execution.getCurrentActivityName(), null, auth == null ? null : auth.getUserId(), null, null,
                null, null, AuditTrail.toJson(execution.getVariablesTyped(false)), ClockUtil.getCurrentTime().toInstant()));
    }

    private void recordCaseEnded(DelegateExecution execution) {
        String outcome = AuditTrail.plainText(execution.getVariableTyped(OUTCOME, false));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(OUTCOME, outcome);
        if (execution instanceof org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity entity
                && entity.getDeleteReason() != null) {
            details.put("deleteReason", entity.getDeleteReason());
        }
        trail.getObject().record(new AuditEvent(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                AuditTrail.processKey(execution), AuditEventType.CASE_ENDED, execution.getCurrentActivityId(),
                execution.getCurrentActivityName(), null, null, null, null,
                outcome, null, AuditTrail.toJson(details),
                ClockUtil.getCurrentTime().toInstant()));
    }

    private final TaskListener taskCompleted = this::recordTaskCompleted;

    private void recordTaskCompleted(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        String processKey = AuditTrail.processKey(execution);
        Actor actor = Actor.of(task);
        TaskDecisions.TaskDecision declared = declaredDecision(processKey, task.getTaskDefinitionKey());
        String decision = null;
        String comment = null;
        Map<String, Object> details = new LinkedHashMap<>();
        if (declared != null) {
            if (declared.decision() != null) {
                TypedValue value = task.getVariableTyped(declared.decision(), false);
                decision = AuditTrail.plainText(value);
                details.put(declared.decision(), value);
            }
            if (declared.comment() != null) {
                TypedValue value = task.getVariableTyped(declared.comment(), false);
                comment = AuditTrail.plainText(value);
                details.put(declared.comment(), value);
            }
            for (String name : declared.recorded()) {
                details.put(name, task.getVariableTyped(name, false));
            }
        }
        trail.getObject().record(new AuditEvent(task.getProcessInstanceId(), execution.getProcessBusinessKey(),
                processKey, AuditEventType.TASK_COMPLETED, task.getTaskDefinitionKey(), TaskNames.stepOf(task), task.getId(),
                actor.userId(), actor.groupId(), actor.groupName(), decision, comment, AuditTrail.toJson(details),
                ClockUtil.getCurrentTime().toInstant()));
    }

    private TaskDecisions.TaskDecision declaredDecision(String processKey, String taskKey) {
        for (TaskDecisions declaration : decisions) {
            if (declaration.processKey().equals(processKey)) {
                return declaration.byTask().get(taskKey);
            }
        }
        return null;
    }


    private static Authentication currentAuthentication(DelegateExecution execution) {
        return execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    }
}
