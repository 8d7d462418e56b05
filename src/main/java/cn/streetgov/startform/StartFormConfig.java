package cn.streetgov.startform;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;

/** Registers {@link StartFormFilter} and {@link IdempotentStartFilter} on both engine APIs, after their authentication and guard filters. */
@Configuration
class StartFormConfig {

    @Bean
    FilterRegistrationBean<Filter> startFormFilter(ObjectProvider<ProcessEngine> engine,
            ObjectProvider<StartOptions> options) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new StartFormFilter(engine, options));
        registration.setName("start-form-options");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    /** {@link IdempotentStartFilter}: after the authentication and guard filters, so that it sees the caller and only allowed starts. */
    @Bean
    FilterRegistrationBean<Filter> idempotentStartFilter(ObjectProvider<ProcessEngine> engine,
            ObjectProvider<StartIdempotency> store, ObjectProvider<PlatformTransactionManager> transactions) {
        FilterRegistrationBean<Filter> registration =
                new FilterRegistrationBean<>(new IdempotentStartFilter(engine, store, transactions));
        registration.setName("idempotent-start");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
        return registration;
    }
}
