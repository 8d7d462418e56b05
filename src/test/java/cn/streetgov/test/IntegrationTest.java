package cn.streetgov.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The one Spring context of all integration and process tests (so it starts once per run): the
 * whole application on a random port, H2 in memory or MariaDB (-Pmariadb), process test coverage
 * recorded under target/process-test-coverage/. The demo organisation and its password "demo" are on
 * whatever the profiles say (the mariadb profile switches them off for real installations); the demo
 * cases are off (tests see only the cases they start; DemoCaseSeederTest seeds them itself).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"app.demo.seed=true", "app.demo.passwords=true", "app.demo.cases=false"})
@ActiveProfiles(resolver = TestProfiles.class)
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface IntegrationTest {
}
