package cn.streetgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.security.web.LoginFailureLimiter;
import cn.streetgov.security.web.LoginProperties;
import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Wrong passwords delay an account for a while but never lock it for good (anyone could otherwise
 * lock the administrator out without a login), and one client address cannot keep guessing.
 */
class LoginThrottlingHttpTest extends ProcessTestSupport {

    static final String USER = "tmp-lock";
    static final String PASSWORD = "Richtig-2026-x";

    @LocalServerPort
    int port;
    @Autowired
    LoginFailureLimiter limiter;
    @Autowired
    LoginProperties loginProperties;

    @BeforeEach
    void createUser() {
        limiter.reset();
        User user = identityService.newUser(USER);
        user.setFirstName("锁");
        user.setLastName("测");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
    }

    @AfterEach
    void deleteUser() {
        identityService.deleteUser(USER);
        limiter.reset(); // the other tests log in from the same address
    }

    @Test
    void wrongPasswordsLockAnAccountOnlyForAWhileNeverForGood() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        long backOffMillis = (config.getLoginDelayMaxTime() + 1) * 1000L;
        Http wrong = Http.as(port, USER, "falsch");
        for (int attempt = 1; attempt <= 12; attempt++) {
            limiter.reset(); // this test is about the account, not about the address
            assertThat(wrong.get("/engine-rest/task").status()).as("attempt %d", attempt).isEqualTo(401);
            // let each back-off pass (engine clock) so that every attempt counts as a failed login
            ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + backOffMillis));
        }
        assertThat(attempts()).isEqualTo(12); // Camunda's default would have locked the user for good at 10
        assertThat(Http.as(port, USER, PASSWORD).get("/engine-rest/task").status()).isEqualTo(200);
        assertThat(attempts()).isZero();
    }

    @Test
    void aWrongPasswordDelaysTheNextLoginOfThatUserBriefly() throws InterruptedException {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(Http.as(port, USER, "falsch").get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(Http.as(port, USER, PASSWORD).get("/engine-rest/task").status()).as("during the back-off")
                .isEqualTo(401);
        Thread.sleep(config.getLoginDelayBase() * 1000L + 300);
        assertThat(Http.as(port, USER, PASSWORD).get("/engine-rest/task").status()).isEqualTo(200);
    }

    @Test
    void manyFailedLoginsFromOneAddressAreRefusedWith429BeforeTheEngineIsAsked() {
        String[] paths = {"/engine-rest/task", "/api/audit/none", "/app/assessments", "/actuator/metrics"};
        for (int i = 0; i < loginProperties.maxFailuresPerAddress(); i++) {
            assertThat(Http.as(port, "nobody-" + i, "falsch").get(paths[i % paths.length]).status()).isEqualTo(401);
        }
        Http.Response blocked = Http.as(port, USER, PASSWORD).get("/engine-rest/task");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.json().get("message").asText()).contains("登录失败次数过多");
        assertThat(Long.parseLong(blocked.header("Retry-After")))
                .isBetween(1L, loginProperties.failureWindow().toSeconds());
        // the engine is not asked: a wrong password of a real user does not even reach its back-off
        assertThat(Http.as(port, USER, "falsch").get("/api/audit/none").status()).isEqualTo(429);
        assertThat(attempts()).isZero();
        // requests without credentials are not logins: they are answered as always
        assertThat(Http.anonymous(port).get("/engine-rest/task").status()).isEqualTo(401);
        limiter.reset();
        assertThat(Http.as(port, USER, PASSWORD).get("/engine-rest/task").status()).isEqualTo(200);
    }

    @Test
    void failedWebappLoginsCountToo() {
        for (int i = 0; i < loginProperties.maxFailuresPerAddress(); i++) {
            assertThat(webappLogin("nobody-" + i, "falsch").status()).isEqualTo(401);
        }
        Http.Response blocked = webappLogin("s01-off", "demo");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.header("Retry-After")).isNotNull();
        limiter.reset();
        assertThat(webappLogin("s01-off", "demo").status()).isEqualTo(200);
    }

    @Test
    void anXForwardedForHeaderDoesNotGiveAnAttackerFreshAddresses() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        int status = 0;
        for (int i = 0; i <= loginProperties.maxFailuresPerAddress(); i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task"))
                    .header("Authorization", basic("nobody", "falsch"))
                    .header("X-Forwarded-For", "203.0.113." + i).GET().build();
            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        assertThat(status).isEqualTo(429);
    }

    @Test
    void successfulLoginsNeverCount() {
        for (int i = 0; i < 2 * loginProperties.maxFailuresPerAddress(); i++) {
            assertThat(Http.as(port, "s01-off").get("/engine-rest/task").status()).isEqualTo(200);
        }
        assertThat(Http.as(port, "nobody", "falsch").get("/engine-rest/task").status()).isEqualTo(401);
    }

    private int attempts() {
        return ((UserEntity) identityService.createUserQuery().userId(USER).singleResult()).getAttempts();
    }

    private Http.Response webappLogin(String user, String password) {
        Http http = Http.anonymous(port);
        http.get("/camunda/app/tasklist/");
        http.setXsrfToken(http.cookie("XSRF-TOKEN"));
        return http.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
                Map.of("username", user, "password", password));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
