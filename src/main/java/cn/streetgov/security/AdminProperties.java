package cn.streetgov.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * app.admin.*: the first administrator of an installation. {@code username} is created in the
 * organisation model when it has no administrator; {@code initialPassword}
 * (APP_ADMIN_INITIAL_PASSWORD) is given, once, to the administrators who have no usable password.
 */
@ConfigurationProperties("app.admin")
public record AdminProperties(@DefaultValue("admin") String username, String initialPassword) {

    /** The initial password, or null when none is configured. */
    public String initialPasswordOrNull() {
        return initialPassword == null || initialPassword.isBlank() ? null : initialPassword;
    }
}
