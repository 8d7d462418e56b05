package cn.streetgov.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * app.demo.*: whether the demo organisation is seeded, and whether its users keep the demo
 * password "demo" (DEMO ONLY: switch off in production).
 */
@ConfigurationProperties("app.demo")
public record DemoProperties(boolean seed, boolean passwords) {

    public static final String DEMO_PASSWORD = "demo";
}
