package cn.streetgov.security;

import cn.streetgov.health.StartupReadiness;
import cn.streetgov.org.DemoOrganisationSeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Start-up, in this order: the demo organisation (on an empty database, if enabled), an
 * administrator in the organisation model, the Camunda identity copied from the organisation
 * model, the authorizations, the Tasklist filters, and an administrator who can log in; then
 * readiness ({@link StartupReadiness}) knows the identities are in place.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SecurityBootstrap.class);

    private final DemoProperties demo;
    private final DemoOrganisationSeeder demoSeeder;
    private final FirstAdministrator firstAdministrator;
    private final IdentitySynchronizer identity;
    private final AuthorizationSeeder authorizations;
    private final TasklistFilterSeeder filters;
    private final StartupReadiness readiness;

    SecurityBootstrap(DemoProperties demo, DemoOrganisationSeeder demoSeeder, FirstAdministrator firstAdministrator,
            IdentitySynchronizer identity, AuthorizationSeeder authorizations, TasklistFilterSeeder filters,
            StartupReadiness readiness) {
        this.demo = demo;
        this.demoSeeder = demoSeeder;
        this.firstAdministrator = firstAdministrator;
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.readiness = readiness;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.seed()) {
            demoSeeder.seedIfEmpty();
        }
        firstAdministrator.ensureInModel();
        identity.synchronize();
        authorizations.seed();
        filters.seed();
        firstAdministrator.ensureCanLogIn();
        readiness.identitiesSynchronised();
        if (demo.passwords()) {
            log.warn("演示密码已开启：演示用户可用密码 \"demo\" 登录。仅限演示环境，正式环境请设置 APP_DEMO_PASSWORDS=false");
        }
    }
}
