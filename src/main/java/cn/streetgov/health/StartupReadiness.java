package cn.streetgov.health;

import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The part of readiness ({@code /actuator/health/readiness}, component {@code startup}) that only
 * the application knows: it is OUT_OF_SERVICE until the Camunda identity has been synchronised from
 * the organisation model (with the authorizations and filters that go with it) and the process
 * application has deployed its processes. Before that, a login fails (401) and a start finds no
 * process definition (404), though the server already answers.
 */
@Component("startup")
public class StartupReadiness implements HealthIndicator {

    private volatile boolean identities;
    private volatile boolean processes;

    /** The identity sync, authorizations and filters of start-up are done. */
    public void identitiesSynchronised() {
        identities = true;
    }

    /** The process application's deployment is done. */
    public void processesDeployed() {
        processes = true;
    }

    @EventListener(PostDeployEvent.class)
    void onPostDeploy() {
        processesDeployed();
    }

    public boolean isReady() {
        return identities && processes;
    }

    @Override
    public Health health() {
        return (isReady() ? Health.up() : Health.outOfService())
                .withDetail("identitiesSynchronised", identities)
                .withDetail("processesDeployed", processes)
                .build();
    }
}
