package cn.streetgov.common.rest;

import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Gives the webapps' engine API ({@code /camunda/api/engine}, what Tasklist and Cockpit call) the
 * answers of /engine-rest ({@link EngineRestErrorMapper}): our business refusals raised inside the
 * engine — a task listener refusing an incomplete decision, a start listener refusing bad input —
 * are 4xx with the Chinese reason alone, instead of a 500 whose text is the engine's ("Cannot submit
 * task form …: ENGINE-03051 … TaskListener: 请填写…").
 * <p>
 * Camunda's Spring Boot starter registers that API as a Jersey servlet of its own
 * ({@code EngineRestApplication}) with no hook for providers; Jersey offers every application the
 * auto-discoverables on the class path (META-INF/services), and this one registers the mappers in
 * the application that serves the engine resources and has none of them yet. /engine-rest
 * registers them itself ({@link EngineRestErrorConfig}); the other webapp APIs are left as they are.
 */
public final class WebappEngineApiErrors implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        Configuration config = context.getConfiguration();
        if (!config.getClasses().contains(NamedProcessEngineRestServiceImpl.class)
                || config.isRegistered(EngineRestErrorMapper.ForRestException.class)) {
            return;
        }
        context.register(EngineRestErrorMapper.ForRestException.class)
                .register(EngineRestErrorMapper.ForProcessEngineException.class)
                .register(EngineRestErrorMapper.ForBusinessException.class)
                .register(EngineRestErrorMapper.ForJsonParseException.class)
                .register(EngineRestErrorMapper.ForJsonMappingException.class)
                .register(EngineRestErrorMapper.ForJsonProcessingException.class)
                .register(EngineRestErrorMapper.ForThrowable.class);
    }
}
