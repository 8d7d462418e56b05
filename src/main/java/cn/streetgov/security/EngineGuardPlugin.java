package cn.streetgov.security;

import cn.streetgov.common.ForbiddenException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateListener;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.model.CoreModelElement;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The engine's own walls, which no API option can lower:
 * <ul>
 *   <li>Every listener of our processes is built in. Camunda skips "custom" listeners when a
 *       caller asks for {@code skipCustomListeners}; our listeners are the checks of each workflow
 *       (who may start, what a decision must contain), so none of them may be skipped.</li>
 *   <li>A case starts at a start event. Starting in the middle of a process
 *       ({@code startBeforeActivity} and friends) is for administrators repairing a case.</li>
 *   <li>Object variables are deserialised only for a short allowlist of JDK types.</li>
 * </ul>
 */
@Component
class EngineGuardPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new ParseListener());
        // Spin/Jackson would otherwise build any class a client names in an Object variable
        configuration.setDeserializationTypeValidationEnabled(true);
        configuration.setDeserializationAllowedPackages("");
        configuration.setDeserializationAllowedClasses("");
        // expressions in ad-hoc queries stay off (only stored filters, which administrators save, use them)
        configuration.setEnableExpressionsInAdhocQueries(false);
    }

    private static final class ParseListener extends AbstractBpmnParseListener {

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, START_AT_START_EVENT, 0);
        }

        @Override
        public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
            // called once the whole file is parsed: every listener of every element is in place
            for (ProcessDefinitionEntity definition : processDefinitions) {
                makeBuiltIn(definition);
            }
        }
    }

    /** Refuses, for anyone but administrators, a process instance whose first activity is no start event. */
    static final ExecutionListener START_AT_START_EVENT = EngineGuardPlugin::requireStartEvent;

    private static void requireStartEvent(DelegateExecution execution) {
        if (!(execution instanceof ExecutionEntity entity) || !entity.isProcessInstanceExecution()
                || entity.getActivity() == null) {
            return;
        }
        String type = (String) entity.getActivity().getProperty(BpmnParse.PROPERTYNAME_TYPE);
        if (type == null || isStartEvent(type) || execution.getSuperExecution() != null) {
            return;
        }
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (auth == null || auth.getUserId() == null) {
            return; // the engine itself (jobs, messages from our services)
        }
        boolean admin = auth.getGroupIds() != null && auth.getGroupIds().contains(CurrentUser.ADMIN);
        if (!admin) {
            throw new ForbiddenException("案件只能从开始事件启动；从流程中间启动仅限系统管理员");
        }
    }

    /** startEvent, messageStartEvent, startTimerEvent, signalStartEvent, conditionalStartEvent … */
    static boolean isStartEvent(String activityType) {
        String type = activityType.toLowerCase(java.util.Locale.ROOT);
        return type.contains("startevent") || type.equals("starttimerevent");
    }

    /** Marks every execution and task listener of the definition as built in. */
    static void makeBuiltIn(ScopeImpl scope) {
        makeBuiltInListeners(scope);
        for (ActivityImpl activity : scope.getActivities()) {
            makeBuiltInListeners(activity);
            for (PvmTransition transition : activity.getOutgoingTransitions()) {
                if (transition instanceof TransitionImpl impl) {
                    makeBuiltInListeners(impl);
                }
            }
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                makeBuiltInTaskListeners(behavior.getTaskDefinition());
            }
            makeBuiltIn(activity);
        }
    }

    private static void makeBuiltInListeners(CoreModelElement element) {
        Map<String, List<DelegateListener<? extends BaseDelegateExecution>>> builtIn =
                element.getBuiltInListeners();
        element.getListeners().forEach((event, listeners) -> builtIn.put(event, new ArrayList<>(listeners)));
    }

    private static void makeBuiltInTaskListeners(TaskDefinition task) {
        Map<String, List<TaskListener>> custom = new HashMap<>();
        task.getTaskListeners().forEach((event, listeners) -> custom.put(event, new ArrayList<>(listeners)));
        task.getTaskListeners().clear();
        custom.forEach((event, listeners) -> listeners.forEach(listener -> task.addBuiltInTaskListener(event, listener)));
    }
}
