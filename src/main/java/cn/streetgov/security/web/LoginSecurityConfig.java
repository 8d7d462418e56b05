package cn.streetgov.security.web;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The per-address limit on failed logins, in front of every way to log in: HTTP Basic on
 * /engine-rest, /api, /app and /actuator, and the webapps' login form. It runs before the
 * authentication filters (order HIGHEST_PRECEDENCE + 10) so that it sees their 401.
 */
@Configuration
class LoginSecurityConfig {

    static final String[] LOGIN_PATHS = {"/engine-rest/*", "/api/*", "/app/*", "/actuator/*",
        LoginRateLimitFilter.WEBAPP_LOGIN + "*"};

    @Bean
    LoginFailureLimiter loginFailureLimiter(LoginProperties properties) {
        return new LoginFailureLimiter(properties);
    }

    @Bean
    FilterRegistrationBean<Filter> loginRateLimitFilter(LoginFailureLimiter limiter, LoginProperties properties) {
        FilterRegistrationBean<Filter> registration =
                new FilterRegistrationBean<>(new LoginRateLimitFilter(limiter, properties.trustedProxies()));
        registration.setName("login-rate-limit");
        registration.addUrlPatterns(LOGIN_PATHS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
