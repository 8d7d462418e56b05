package cn.streetgov.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class LoginFailureLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginFailureLimiter limiter = new LoginFailureLimiter(3, 60_000, now::get);

    @Test
    void anAddressIsBlockedAfterTheMaximumOfFailuresWithinTheWindow() {
        limiter.recordFailure("10.0.0.1");
        limiter.recordFailure("10.0.0.1");
        assertThat(limiter.blockedFor("10.0.0.1")).isZero();
        now.addAndGet(10_000);
        limiter.recordFailure("10.0.0.1");
        assertThat(limiter.blockedFor("10.0.0.1")).isEqualTo(60_000 - 10_000);
        assertThat(limiter.blockedFor("10.0.0.2")).as("another address").isZero();
    }

    @Test
    void theBlockEndsWhenTheOldestFailureLeavesTheWindow() {
        for (int i = 0; i < 3; i++) {
            limiter.recordFailure("10.0.0.1");
            now.addAndGet(1_000);
        }
        now.addAndGet(57_000); // the first failure is now 60 s old
        assertThat(limiter.blockedFor("10.0.0.1")).isZero();
        limiter.recordFailure("10.0.0.1");
        assertThat(limiter.blockedFor("10.0.0.1")).as("two recent failures and a new one").isEqualTo(1_000);
    }

    @Test
    void resetForgetsEverything() {
        for (int i = 0; i < 5; i++) {
            limiter.recordFailure("10.0.0.1");
        }
        limiter.reset();
        assertThat(limiter.blockedFor("10.0.0.1")).isZero();
    }

    @Test
    void theClientAddressIsTheConnectionsUnlessATrustedProxyForwardedIt() {
        LoginRateLimitFilter direct = new LoginRateLimitFilter(limiter, List.of());
        LoginRateLimitFilter behindProxy = new LoginRateLimitFilter(limiter, List.of("10.0.0.9", "10.0.0.8"));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.0.0.9");
        request.addHeader("X-Forwarded-For", "198.51.100.7, 203.0.113.5, 10.0.0.8");
        assertThat(direct.clientAddress(request)).isEqualTo("10.0.0.9");
        assertThat(behindProxy.clientAddress(request)).as("right-most untrusted hop").isEqualTo("203.0.113.5");
        request.setRemoteAddr("192.0.2.1");
        assertThat(behindProxy.clientAddress(request)).as("not from a trusted proxy").isEqualTo("192.0.2.1");
    }

    @Test
    void onlyRequestsWithCredentialsOrTheWebappLoginAreLoginAttempts() {
        MockHttpServletRequest anonymous = new MockHttpServletRequest("GET", "/engine-rest/task");
        MockHttpServletRequest basic = new MockHttpServletRequest("GET", "/engine-rest/task");
        basic.addHeader("Authorization", "Basic eDp5");
        MockHttpServletRequest form = new MockHttpServletRequest("POST",
                "/camunda/api/admin/auth/user/default/login/tasklist");
        assertThat(LoginRateLimitFilter.isLoginAttempt(anonymous)).isFalse();
        assertThat(LoginRateLimitFilter.isLoginAttempt(basic)).isTrue();
        assertThat(LoginRateLimitFilter.isLoginAttempt(form)).isTrue();
    }
}
