package cn.streetgov.bench;

import cn.streetgov.test.TestProfiles;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application as the benchmarks measure it: the tests' context (whole application, random port,
 * H2 in memory or MariaDB with -Pmariadb, the demo organisation) but <b>without</b> the process test
 * coverage of {@link cn.streetgov.test.IntegrationTest}, whose listener on every activity of every
 * case asks the engine for the process definition, with an authorization check, and is not part of
 * the application (measured: about a tenth of the benchmark's CPU time in our JVM). Each benchmark
 * class has the application to itself and closes it afterwards: two applications in one JVM would
 * register two process engines of the same name.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"app.demo.seed=true", "app.demo.passwords=true", "app.demo.cases=false"})
@ActiveProfiles(resolver = TestProfiles.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface BenchmarkedApplication {
}
