package cn.streetgov.notify;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine reads this package makes for a person who holds no right to them (a new task of
 * another organisation, the name of a case in their inbox): run with the engine's authorization
 * checks off, answering only what the notices already tell. The one place the package reaches into
 * the engine's internals.
 */
@Component
class EngineReads {

    private final ProcessEngine engine;

    EngineReads(ProcessEngine engine) {
        this.engine = engine;
    }

    <T> T read(Function<ProcessEngine, T> query) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            boolean checked = context.isAuthorizationCheckEnabled();
            context.disableAuthorizationCheck();
            try {
                return query.apply(engine);
            } finally {
                if (checked) {
                    context.enableAuthorizationCheck();
                }
            }
        });
    }

    /** The workflow name (e.g. 赋权下放审批) of each of these cases the engine knows. */
    Map<String, String> processNames(Collection<String> processInstanceIds) {
        Map<String, String> names = new HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return names;
        }
        Set<String> ids = new HashSet<>(processInstanceIds);
        for (HistoricProcessInstance instance : read(e -> e.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceIds(ids).list())) {
            names.put(instance.getId(), instance.getProcessDefinitionName());
        }
        return names;
    }
}
