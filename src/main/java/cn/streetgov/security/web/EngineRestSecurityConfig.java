package cn.streetgov.security.web;

import cn.streetgov.casework.DeclaredVariables;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.security.LoginCache;
import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The servlet filters that guard the engine's REST API, the webapps' engine API and our /api.
 * Order: authentication first (anonymous → 401), then the guards (→ 400/403).
 */
@Configuration
class EngineRestSecurityConfig {

    static final String ENGINE_REST = "/engine-rest/*";
    static final String WEBAPP_ENGINE_API = "/camunda/api/engine/*";

    /** HTTP Basic against the Camunda identity for /engine-rest (Camunda's filter, logins from the {@link LoginCache}). */
    @Bean
    FilterRegistrationBean<Filter> engineRestAuthenticationFilter(LoginCache logins) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new EngineRestAuthenticationFilter(logins));
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns(ENGINE_REST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * The closed world of both engine APIs: an allowlist for non-administrators, declared variables
     * only, and no expressions or unparseable bodies for anyone (see {@link EngineApiGuardFilter}).
     * Runs after the authentication filters, so that it knows who is asking.
     */
    @Bean
    FilterRegistrationBean<Filter> engineApiGuardFilter(ObjectProvider<ProcessEngine> engine,
            ObjectProvider<DeclaredVariables> declared, ObjectProvider<OrgDirectory> org) {
        FilterRegistrationBean<Filter> registration =
                new FilterRegistrationBean<>(new EngineApiGuardFilter(engine, declared, org));
        registration.setName("engine-api-guard");
        registration.addUrlPatterns(ENGINE_REST, WEBAPP_ENGINE_API);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** The Admin "initial user setup" would make anyone an administrator: closed for good. */
    @Bean
    FilterRegistrationBean<Filter> adminSetupGuardFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new AdminSetupGuardFilter());
        registration.setName("admin-setup-guard");
        registration.addUrlPatterns("/camunda/api/admin/setup/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Login for our own /api and the actuator endpoints other than health. */
    @Bean
    FilterRegistrationBean<Filter> apiAuthenticationFilter(IdentityService identityService, LoginCache logins) {
        FilterRegistrationBean<Filter> registration =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, logins));
        registration.setName("api-authentication");
        registration.addUrlPatterns("/api/*", "/actuator/*", "/app/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
