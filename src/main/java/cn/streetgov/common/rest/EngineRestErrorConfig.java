package cn.streetgov.common.rest;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link EngineRestErrorMapper} with the Jersey application behind /engine-rest. */
@Configuration
class EngineRestErrorConfig {

    @Bean
    ResourceConfigCustomizer engineRestErrorMappers() {
        return config -> config
                .register(EngineRestErrorMapper.ForRestException.class)
                .register(EngineRestErrorMapper.ForProcessEngineException.class)
                .register(EngineRestErrorMapper.ForBusinessException.class)
                .register(EngineRestErrorMapper.ForJsonParseException.class)
                .register(EngineRestErrorMapper.ForJsonMappingException.class)
                .register(EngineRestErrorMapper.ForJsonProcessingException.class)
                .register(EngineRestErrorMapper.ForThrowable.class);
    }
}
