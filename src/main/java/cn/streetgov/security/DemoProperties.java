package cn.streetgov.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * app.demo.*: whether the demo organisation is seeded, whether its users keep the demo
 * password "demo" (DEMO ONLY: switch off in production), and whether a database without any case
 * gets demo cases waiting for the demo users (cn.streetgov.demo).
 */
@ConfigurationProperties("app.demo")
public record DemoProperties(boolean seed, boolean passwords, boolean cases) {

    public static final String DEMO_PASSWORD = "demo";
}
