package cn.streetgov.security;

import java.util.ArrayList;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** One of the engine's managers (a session of its commands) replaced by a subclass of ours. */
final class EngineManagers {

    private EngineManagers() {
    }

    static <T extends Session> void replace(ProcessEngineConfigurationImpl configuration, Class<? super T> manager,
            Supplier<T> ours) {
        if (configuration.getCustomSessionFactories() == null) {
            configuration.setCustomSessionFactories(new ArrayList<>());
        }
        configuration.getCustomSessionFactories().add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return manager;
            }

            @Override
            public Session openSession() {
                return ours.get();
            }
        });
    }
}
