package cn.streetgov.security.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * app.security.login.*: how many failed logins one client address may make within the window
 * before its logins are refused with 429, which reverse proxies' X-Forwarded-For is believed, and how
 * long a successful HTTP Basic login is kept ({@link cn.streetgov.security.LoginCache}).
 */
@ConfigurationProperties("app.security.login")
public record LoginProperties(
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("PT15M") Duration failureWindow,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("PT30S") Duration cacheTtl) {

    public LoginProperties {
        if (maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("app.security.login.max-failures-per-address must be at least 1");
        }
        if (failureWindow.isNegative() || failureWindow.isZero()) {
            throw new IllegalArgumentException("app.security.login.failure-window must be positive");
        }
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("app.security.login.cache-ttl must not be negative");
        }
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
