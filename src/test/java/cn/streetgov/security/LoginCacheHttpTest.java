package cn.streetgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * HTTP Basic logins are kept by the {@link LoginCache}, and every change of a user's groups or password
 * takes effect at the next request all the same, over /engine-rest and /api alike.
 */
class LoginCacheHttpTest extends ProcessTestSupport {

    static final String USER = "login-cache-probe";
    static final String PASSWORD = "Erste-Probe-2026!";
    static final String NEW_PASSWORD = "Zweite-Probe-2026!";

    @LocalServerPort
    int port;
    @Autowired
    LoginCache logins;

    @BeforeEach
    void createUser() {
        User user = identityService.newUser(USER);
        user.setFirstName("缓存");
        user.setLastName("测试");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
    }

    @AfterEach
    void deleteUser() {
        identityService.deleteUser(USER);
    }

    @Test
    void aLoginIsKeptUntilTheUsersGroupsOrPasswordChange() {
        Http probe = Http.as(port, USER, PASSWORD);
        assertThat(probe.get("/actuator/metrics").status()).as("not an administrator").isEqualTo(403);
        assertThat(probe.get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);
        assertThat(logins.size()).as("the login is kept").isPositive();

        identityService.createMembership(USER, CurrentUser.ADMIN);
        assertThat(probe.get("/actuator/metrics").status()).as("an administrator at the next request").isEqualTo(200);
        assertThat(probe.get("/engine-rest/deployment?maxResults=1").status()).isEqualTo(200);

        identityService.deleteMembership(USER, CurrentUser.ADMIN);
        assertThat(probe.get("/actuator/metrics").status()).as("no longer an administrator").isEqualTo(403);

        User user = identityService.createUserQuery().userId(USER).singleResult();
        user.setPassword(NEW_PASSWORD);
        identityService.saveUser(user);
        assertThat(Http.as(port, USER, NEW_PASSWORD).get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);
        // last: a refused password delays this user's next login (Camunda's login throttling)
        assertThat(probe.get("/engine-rest/task?maxResults=1").status()).as("the old password at once").isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsNeverServedFromTheCache() {
        assertThat(Http.as(port, USER, PASSWORD).get("/api/notifications/unread-count").status()).isEqualTo(200);
        assertThat(Http.as(port, USER, PASSWORD + "x").get("/api/notifications/unread-count").status()).isEqualTo(401);
        assertThat(Http.as(port, USER, "").get("/engine-rest/task").status()).isEqualTo(401);
    }
}
