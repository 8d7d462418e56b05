package cn.streetgov.notify;

import cn.streetgov.casework.UserTaskListeners;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts the listeners of {@link CaseEventNotices} into every process the engine deploys, built in (no
 * skip option skips them) and without anything in the BPMN: the creation of every user task, and
 * the end of every case.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 120)
class CaseEventPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<CaseEventNotices> notices;

    CaseEventPlugin(ObjectProvider<CaseEventNotices> notices) {
        this.notices = notices;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskListener created = task -> notices.getObject().taskCreated(task);
        UserTaskListeners.addToEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, created);
        ExecutionListener ended = execution -> notices.getObject().caseEnded(execution);
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, ended);
            }
        });
    }
}
