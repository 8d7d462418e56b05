package cn.streetgov.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/**
 * A Spring context of the tests on the mariadb profile does not start without DB_URL, so that the
 * MariaDB test run never writes into application-mariadb.yaml's default database (a developer's
 * own); the application itself keeps that default. Bare contexts on the real config files, no
 * database is touched.
 */
class MariaDbTestDatabaseGuardTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Test
    void theTestsOnMariadbWithoutDbUrlRefuseToStart() {
        assertThatThrownBy(() -> start(new String[] {"test", "mariadb"}))
                .hasMessageContaining("needs DB_URL").hasMessageContaining(".ci/run mariadb");
    }

    @Test
    void theTestsOnMariadbWithDbUrlStartOnThatDatabase() {
        String url = "jdbc:mariadb://127.0.0.1:3306/streetgov_tests_x?useMysqlMetadata=true";
        try (ConfigurableApplicationContext context = start(new String[] {"test", "mariadb"}, "--DB_URL=" + url)) {
            assertThat(context.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(url);
        }
    }

    @Test
    void theApplicationOnMariadbKeepsItsDefaultDatabaseAndTheH2TestsNeedNoDbUrl() {
        try (ConfigurableApplicationContext context = start(new String[] {"mariadb"})) {
            assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
                    .startsWith("jdbc:mariadb://127.0.0.1:3306/streetgov?");
        }
        try (ConfigurableApplicationContext context = start(new String[] {"test"})) {
            assertThat(context.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:mem:");
        }
    }

    /**
     * A context of no beans on the project's config files, with the given profiles and arguments
     * and without the process environment and system properties (CI's MariaDB run sets DB_URL).
     */
    private static ConfigurableApplicationContext start(String[] profiles, String... args) {
        StandardEnvironment withoutEnvironment = new StandardEnvironment() {
            @Override
            protected void customizePropertySources(MutablePropertySources sources) {
            }
        };
        return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false).environment(withoutEnvironment).profiles(profiles).run(args);
    }
}
