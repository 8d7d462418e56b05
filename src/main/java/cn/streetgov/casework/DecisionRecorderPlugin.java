package cn.streetgov.casework;

import cn.streetgov.casework.TaskDecisions.TaskDecision;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.PlainVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The one decision listener of every workflow, put on the completion of every user task of every
 * process the engine deploys (built in: no skip option skips it). For a task its workflow declares
 * ({@link TaskDecisions}) it checks the submitted values against the declaration (Chinese reasons;
 * the completion is refused and nothing is written), resolves who acted and for which
 * organisation ({@link Actor}), writes one row of {@code case_decision}, then calls the
 * workflow's {@link DecisionHook}s for what is specific to it. It runs before the audit trail's
 * listener, so the trail sees what the hooks worked out.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class DecisionRecorderPlugin extends AbstractProcessEnginePlugin {

    /** The size of case_decision.details: the details of one decision must fit, or it is refused. */
    static final int DETAILS_MAX = 4000;

    private final ObjectProvider<TaskDecisions> declarations;
    private final ObjectProvider<DecisionRecord> record;
    private final ObjectProvider<DecisionHook> hooks;

    DecisionRecorderPlugin(ObjectProvider<TaskDecisions> declarations, ObjectProvider<DecisionRecord> record,
            ObjectProvider<DecisionHook> hooks) {
        this.declarations = declarations;
        this.record = record;
        this.hooks = hooks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        UserTaskListeners.addToEveryUserTask(configuration, TaskListener.EVENTNAME_COMPLETE, completed);
    }

    private final TaskListener completed = this::recordDecision;

    void recordDecision(DelegateTask task) {
        String processKey = CaseRefs.processKey(task.getExecution());
        TaskDecision declared = declared(processKey, task.getTaskDefinitionKey());
        if (declared == null) {
            return;
        }
        List<String> errors = declared.check(name -> PlainVariables.value(task, name));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Actor actor = Actor.of(task);
        String decision = declared.decisionValue(name -> PlainVariables.value(task, name));
        String comment = declared.commentValue(name -> PlainVariables.value(task, name));
        Map<String, Object> details = details(task, declared.recorded());
        String detailsJson = Json.write(details);
        if (detailsJson != null && detailsJson.length() > DETAILS_MAX) {
            throw new InvalidInputException(List.of("填写的内容过长：本环节各栏合计不能超过 " + DETAILS_MAX + " 个字"));
        }
        String caseNo = CaseRefs.caseNo(task.getExecution());
        CaseDecision row = record.getObject().record(new CaseDecision.Entry(caseNo, task.getProcessInstanceId(),
                processKey, task.getId(), task.getTaskDefinitionKey(), TaskNames.stepOf(task), CaseDecision.Type.DECISION,
                decision, declared.label(decision), comment, detailsJson, actor.userId(), actor.actedFor()));
        RecordedDecision recorded = new RecordedDecision(declared, decision, comment, actor, row);
        hooks.orderedStream().filter(hook -> hook.processKey().equals(processKey))
                .forEach(hook -> hook.onDecision(task, recorded));
        if (!declared.context().isEmpty()) {
            // the server-owned values as the hooks left them (a grade worked out from the scores)
            Map<String, Object> all = Json.readObject(row.getDetails());
            all.putAll(details(task, declared.context()));
            row.amend(row.getDecision(), row.getDecisionLabel(), Json.write(all));
        }
    }

    private static Map<String, Object> details(DelegateTask task, List<String> names) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (String name : names) {
            Object value = jsonValue(task, name);
            if (value != null) {
                details.put(name, value);
            }
        }
        return details;
    }

    private TaskDecision declared(String processKey, String taskKey) {
        return declarations.orderedStream().filter(d -> d.processKey().equals(processKey)).findFirst()
                .map(d -> d.byTask().get(taskKey)).orElse(null);
    }


    /** A variable as the details' JSON keeps it: dates as ISO text in the district's zone. */
    private static Object jsonValue(DelegateTask task, String name) {
        Object value = PlainVariables.value(task, name);
        if (value instanceof java.util.Date date) {
            return CaseClock.toLocal(date).toString();
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return value.toString();
    }
}
