package cn.streetgov.test;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The MariaDB test run never falls back to application-mariadb.yaml's default database
 * ({@code streetgov}, created if missing — the database of a developer's own installation): a
 * Spring context of the tests ("test" profile) on the "mariadb" profile refuses to start unless
 * DB_URL names the database the tests may fill. .ci/run (or {@code .ci/run mariadb}) creates a
 * throw-away database for it and drops it afterwards. The application itself (no "test" profile)
 * keeps its production default. Registered in src/test/resources/META-INF/spring.factories.
 */
public class MariaDbTestDatabaseGuard implements EnvironmentPostProcessor, Ordered {

    static final String MESSAGE = "The MariaDB test run needs DB_URL naming a database of its own: the tests write "
            + "to it and it must not be a developer's database (application-mariadb.yaml's default 'streetgov' is "
            + "never used by tests). Run '.ci/run mariadb', which creates a throw-away database and drops it, or "
            + "create one and set DB_URL='jdbc:mariadb://127.0.0.1:3306/<database>?useMysqlMetadata=true"
            + "&nullDatabaseMeansCurrent=true' (drop it afterwards).";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var profiles = Arrays.asList(environment.getActiveProfiles());
        if (profiles.contains("test") && profiles.contains("mariadb") && isBlank(environment.getProperty("DB_URL"))) {
            throw new IllegalStateException(MESSAGE);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** After the config files are read (the profiles are known then). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
