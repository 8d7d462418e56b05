package cn.streetgov.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.streetgov.security.web.LoginProperties;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the login cache asks the engine, and when it asks again. */
class LoginCacheTest {

    IdentityService identity;

    @BeforeEach
    void engine() {
        identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
        when(identity.checkPassword("u1", "right")).thenReturn(true);
        when(identity.createGroupQuery().groupMember(anyString()).list()).thenReturn(List.of());
        when(identity.createTenantQuery().userMember(anyString()).includingGroupsOfUser(true).list()).thenReturn(List.of());
    }

    static LoginCache cache(Duration ttl) {
        return new LoginCache(new LoginProperties(20, Duration.ofMinutes(15), List.of(), ttl));
    }

    @Test
    void aSuccessfulLoginIsCheckedOnceAndAWrongOneEveryTime() {
        LoginCache logins = cache(Duration.ofMinutes(1));
        assertThat(logins.authenticate(identity, "u1", "right")).isPresent();
        assertThat(logins.authenticate(identity, "u1", "right")).get().extracting(LoginCache.Login::userId).isEqualTo("u1");
        verify(identity, times(1)).checkPassword("u1", "right");

        assertThat(logins.authenticate(identity, "u1", "wrong")).isEmpty();
        assertThat(logins.authenticate(identity, "u1", "wrong")).isEmpty();
        verify(identity, times(2)).checkPassword("u1", "wrong");
        // the refused attempt forgot the login: the next right one is checked again
        assertThat(logins.authenticate(identity, "u1", "right")).isPresent();
        verify(identity, times(2)).checkPassword("u1", "right");
    }

    @Test
    void clearingOrExpiryOrNoTtlMakeTheEngineCheckAgain() throws InterruptedException {
        LoginCache logins = cache(Duration.ofMinutes(1));
        logins.authenticate(identity, "u1", "right");
        logins.clear();
        logins.authenticate(identity, "u1", "right");
        verify(identity, times(2)).checkPassword("u1", "right");

        LoginCache shortLived = cache(Duration.ofMillis(1));
        shortLived.authenticate(identity, "u1", "right");
        Thread.sleep(5);
        shortLived.authenticate(identity, "u1", "right");
        verify(identity, times(4)).checkPassword("u1", "right");

        LoginCache off = cache(Duration.ZERO);
        off.authenticate(identity, "u1", "right");
        off.authenticate(identity, "u1", "right");
        verify(identity, times(6)).checkPassword("u1", "right");
        assertThat(off.size()).isZero();
    }

    @Test
    void noUserOrPasswordIsNoLogin() {
        LoginCache logins = cache(Duration.ofMinutes(1));
        assertThat(logins.authenticate(identity, null, "right")).isEmpty();
        assertThat(logins.authenticate(identity, "", "right")).isEmpty();
        assertThat(logins.authenticate(identity, "u1", null)).isEmpty();
    }
}
