package cn.streetgov.approval;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls of an approval operation after this package has checked the caller's rights
 * itself: the engine's authorization checks are off for them (an official holds no right to modify a
 * process instance or to create a task), while the caller stays the authenticated user, so that the
 * kernel's listeners and the audit trail name them. The one place the package reaches into the
 * engine's internals. The officials' workspace reads cases' history through it too (officials hold
 * no history permission), after checking who may read the case ({@link CaseRecordView}).
 */
@Component
public class EngineWork {

    private final ProcessEngine engine;

    EngineWork(ProcessEngine engine) {
        this.engine = engine;
    }

    public <T> T privileged(Supplier<T> work) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context -> withoutChecks(context, work));
    }

    public void privileged(Runnable work) {
        privileged(() -> {
            work.run();
            return null;
        });
    }

    private static <T> T withoutChecks(CommandContext context, Supplier<T> work) {
        boolean enabled = context.isAuthorizationCheckEnabled();
        context.disableAuthorizationCheck();
        try {
            return work.get();
        } finally {
            if (enabled) {
                context.enableAuthorizationCheck();
            }
        }
    }
}
