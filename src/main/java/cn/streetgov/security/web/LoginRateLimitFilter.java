package cn.streetgov.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits failed logins per client address: a request that tries to log in (it carries an
 * Authorization header, or it is the webapps' login POST) and is answered 401 counts as a
 * failure; once an address has too many, its login attempts are answered 429 with Retry-After
 * before the engine is asked (so they neither reach the password check nor delay the user).
 * Requests without credentials (anonymous, or a webapp session) pass untouched.
 */
class LoginRateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginRateLimitFilter.class);

    static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/default/login/";

    private final LoginFailureLimiter limiter;
    private final Set<String> trustedProxies;

    LoginRateLimitFilter(LoginFailureLimiter limiter, List<String> trustedProxies) {
        this.limiter = limiter;
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isLoginAttempt(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = clientAddress(request);
        long blockedMillis = limiter.blockedFor(address);
        if (blockedMillis > 0) {
            long seconds = (blockedMillis + 999) / 1000;
            response.setHeader("Retry-After", Long.toString(seconds));
            JsonErrors.write(response, 429, "TooManyLoginFailures",
                    "登录失败次数过多，请在 " + seconds + " 秒后重试");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            limiter.recordFailure(address);
            if (limiter.blockedFor(address) > 0) {
                log.warn("客户端地址 {} 登录失败次数过多：暂停其登录 {} 秒", address, (limiter.blockedFor(address) + 999) / 1000);
            }
        }
    }

    static boolean isLoginAttempt(HttpServletRequest request) {
        if (request.getHeader("Authorization") != null) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && path.startsWith(WEBAPP_LOGIN);
    }

    /**
     * The address of the connection; behind a trusted reverse proxy, the right-most address of
     * X-Forwarded-For that is not itself a trusted proxy.
     */
    String clientAddress(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (!trustedProxies.contains(remote) || forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remote;
    }
}
