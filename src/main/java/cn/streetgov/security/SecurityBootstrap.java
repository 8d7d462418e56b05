package cn.streetgov.security;

import cn.streetgov.org.DemoOrganisationSeeder;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Start-up, in this order: the demo organisation (on an empty database, if enabled), the Camunda
 * identity copied from the organisation model, the authorizations, the Tasklist filters.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityBootstrap implements ApplicationRunner {

    private final DemoProperties demo;
    private final DemoOrganisationSeeder demoSeeder;
    private final IdentitySynchronizer identity;
    private final AuthorizationSeeder authorizations;
    private final TasklistFilterSeeder filters;

    SecurityBootstrap(DemoProperties demo, DemoOrganisationSeeder demoSeeder, IdentitySynchronizer identity,
            AuthorizationSeeder authorizations, TasklistFilterSeeder filters) {
        this.demo = demo;
        this.demoSeeder = demoSeeder;
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.seed()) {
            demoSeeder.seedIfEmpty();
        }
        identity.synchronize();
        authorizations.seed();
        filters.seed();
    }
}
