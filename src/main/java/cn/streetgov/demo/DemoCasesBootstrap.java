package cn.streetgov.demo;

import cn.streetgov.security.DemoProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After the start-up of the organisation, identity and authorizations (cn.streetgov.security's
 * bootstrap runs first), seeds the demo cases when {@code app.demo.cases} is on.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoCasesBootstrap implements ApplicationRunner {

    private final DemoProperties demo;
    private final DemoCaseSeeder seeder;

    DemoCasesBootstrap(DemoProperties demo, DemoCaseSeeder seeder) {
        this.demo = demo;
        this.seeder = seeder;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.cases()) {
            seeder.seedIfNoCases();
        }
    }
}
