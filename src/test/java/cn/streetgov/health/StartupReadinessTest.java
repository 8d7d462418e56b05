package cn.streetgov.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** The start-up part of readiness: out of service until identities are synchronised and processes deployed. */
class StartupReadinessTest {

    @Test
    void shouldBeOutOfServiceUntilBothStepsAreDone() {
        StartupReadiness readiness = new StartupReadiness();
        assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        readiness.processesDeployed();
        assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        readiness.identitiesSynchronised();
        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void shouldBeOutOfServiceWithIdentitiesAloneToo() {
        StartupReadiness readiness = new StartupReadiness();
        readiness.identitiesSynchronised();
        assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(readiness.isReady()).isFalse();
    }
}
