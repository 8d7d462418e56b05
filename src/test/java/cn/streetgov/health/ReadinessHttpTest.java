package cn.streetgov.health;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * /actuator/health/readiness (public) says UP only when the application can serve: the demo
 * officials log in and every process of the application is deployed. Liveness is there too.
 */
class ReadinessHttpTest extends ProcessTestSupport {

    @LocalServerPort
    int port;

    @Test
    void shouldSayReadyOnlyWithIdentitiesAndProcessesInPlace() {
        Http anonymous = Http.anonymous(port);
        Http.Response readiness = anonymous.get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
        assertThat(readiness.json().get("components").has("startup")).as(readiness.body()).isTrue();
        assertThat(readiness.json().get("components").get("startup").get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);

        // what "ready" promises: a demo official logs in, the processes are there
        Http official = Http.as(port, "s01-off");
        for (String key : new String[] {"power-delegation", "cadre-consultation", "whistle-dispatch", "agency-assessment"}) {
            Http.Response definitions = Http.as(port, "admin").get("/engine-rest/process-definition/count?key=" + key);
            assertThat(definitions.status()).isEqualTo(200);
            assertThat(definitions.json().get("count").asLong()).as(key).isPositive();
        }
        assertThat(official.get("/api/notifications/unread-count").status()).isEqualTo(200);
    }
}
