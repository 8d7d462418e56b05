package cn.streetgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Passwords set by administrators follow the password policy; a refused one is a 400 with the reason. */
class PasswordPolicyHttpTest extends ProcessTestSupport {

    static final String USER = "tmp-pw";
    static final String GOOD = "Gut-2026-Passwort";

    @LocalServerPort
    int port;

    @AfterEach
    void deleteUser() {
        identityService.deleteUser(USER);
    }

    @Test
    void aWeakPasswordIsRefusedWhenAUserIsCreated() {
        Http.Response weak = Http.as(port, "admin").postJson("/engine-rest/user/create", newUser("a"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("message").asText()).contains("密码");
        assertThat(identityService.createUserQuery().userId(USER).count()).isZero();
        assertThat(Http.as(port, "admin").postJson("/engine-rest/user/create", newUser(GOOD)).status()).isEqualTo(204);
        assertThat(identityService.checkPassword(USER, GOOD)).isTrue();
    }

    @Test
    void aWeakPasswordIsRefusedWhenAPasswordIsChanged() {
        assertThat(Http.as(port, "admin").postJson("/engine-rest/user/create", newUser(GOOD)).status()).isEqualTo(204);
        for (String weak : new String[] {"a", "demo", "abcdefghij", "Tmp-pw-2026!x"}) {
            Http.Response refused = Http.as(port, "admin").putJson("/engine-rest/user/" + USER + "/credentials",
                    Map.of("password", weak, "authenticatedUserPassword", "demo"));
            assertThat(refused.status()).as(weak).isEqualTo(400);
            assertThat(refused.json().get("message").asText()).contains("密码");
        }
        assertThat(identityService.checkPassword(USER, GOOD)).isTrue();
    }

    @Test
    void theWebappsEngineApiRefusesAWeakPasswordToo() {
        Http admin = Http.webappLogin(port, "admin", "admin");
        // as Admin does: a GET first, which hands the new session its XSRF token
        assertThat(admin.get("/camunda/api/engine/engine/default/user/count").status()).isEqualTo(200);
        admin.setXsrfToken(admin.cookie("XSRF-TOKEN"));
        Http.Response weak = admin.postJson("/camunda/api/engine/engine/default/user/create", newUser("a"));
        assertThat(weak.status()).as(weak.body()).isEqualTo(400);
        assertThat(weak.json().get("message").asText()).contains("密码");
        assertThat(identityService.createUserQuery().userId(USER).count()).isZero();
    }

    private static Map<String, Object> newUser(String password) {
        return Map.of("profile", Map.of("id", USER, "firstName", "密", "lastName", "码"),
                "credentials", Map.of("password", password));
    }
}
