package cn.streetgov.security.web;

import cn.streetgov.security.CurrentUser;
import cn.streetgov.security.LoginCache;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Login for /api, /app and /actuator: HTTP Basic against the Camunda identity, or the session of a
 * user logged in to the webapps (so that our pages open from Tasklist without a second login).
 * Public: the power catalog (GET /api/catalog and its page GET /app/catalog), the streets' duty lists
 * (GET /api/duties and GET /api/duties/versions; not /api/duties/not-admitted), /actuator/health and
 * /actuator/info. Everything
 * else under /actuator, the bare /actuator index included, is for administrators. The user is
 * available as the request attribute {@link #CURRENT_USER} and as the engine's authenticated user
 * while the request runs.
 * <p>
 * A webapp session is a browser's ambient credential, so with it:
 * <ul>
 * <li>the groups are read from the identity service on every request (a membership removed after
 * the login counts from the next request on), and a user deleted since the login is anonymous;</li>
 * <li>unsafe methods (POST, PUT, PATCH, DELETE, …) need the header {@code X-XSRF-TOKEN} equal to the
 * session's CSRF token that Camunda's CsrfPreventionFilter keeps (the {@code XSRF-TOKEN} cookie of
 * the webapps); the token is also sent back as the response header {@code X-XSRF-TOKEN} on /api and
 * /app, where the cookie (path /camunda) cannot be read by our pages' scripts.</li>
 * </ul>
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    public static final String CURRENT_USER = ApiAuthenticationFilter.class.getName() + ".user";
    private static final String ENGINE = "default";
    /** Session attribute of Camunda's CSRF token (CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME). */
    static final String CSRF_TOKEN_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
    static final String XSRF_HEADER = "X-XSRF-TOKEN";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final IdentityService identityService;
    private final LoginCache logins;

    ApiAuthenticationFilter(IdentityService identityService, LoginCache logins) {
        this.identityService = identityService;
        this.logins = logins;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (isPublic(request.getMethod(), path)) {
            chain.doFilter(request, response);
            return;
        }
        CurrentUser user = fromBasicHeader(request);
        if (user == null) {
            user = fromWebappSession(request);
            if (user != null && !xsrfTokenMatches(request, response)) {
                JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
                        "缺少或错误的 " + XSRF_HEADER + " 请求头：使用网页登录会话修改数据时，"
                                + "须随请求发送会话的 XSRF 令牌（Cookie XSRF-TOKEN 或应答头 " + XSRF_HEADER + "）");
                return;
            }
        }
        if (user == null) {
            if (!HtmlErrorPage.wanted(request)) {
                // a browser opening a page gets a page with the way to log in, not the browser's password dialog
                response.setHeader("WWW-Authenticate", "Basic realm=\"street-governance\", charset=\"UTF-8\"");
            }
            JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException",
                    "请先登录（HTTP Basic 或 Camunda 网页登录）");
            return;
        }
        if ((path.equals("/actuator") || path.startsWith("/actuator/")) && !user.isAdmin()) {
            JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
                    "仅系统管理员可以访问运行指标");
            return;
        }
        request.setAttribute(CURRENT_USER, user);
        identityService.setAuthentication(user.userId(), List.copyOf(user.groupIds()));
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    static boolean isPublic(String method, String path) {
        boolean catalog = "GET".equals(method) && (path.equals("/api/catalog") || path.startsWith("/api/catalog/")
                || path.equals("/app/catalog") || path.equals("/api/duties") || path.equals("/api/duties/versions"));
        boolean health = path.equals("/actuator/health") || path.startsWith("/actuator/health/");
        return catalog || health || path.equals("/actuator/info");
    }

    private CurrentUser fromBasicHeader(HttpServletRequest request) {
        BasicCredentials credentials = BasicCredentials.of(request);
        return credentials == null ? null
                : logins.authenticate(identityService, credentials.userId(), credentials.password())
                        .map(LoginCache.Login::currentUser).orElse(null);
    }

    private CurrentUser fromWebappSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(ENGINE);
        if (!(authentication instanceof UserAuthentication userAuthentication)) {
            return null;
        }
        String userId = userAuthentication.getName();
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            return null;
        }
        return new CurrentUser(userId, groupsOf(userId));
    }

    /**
     * Safe methods pass (and get the session's token as a response header); unsafe ones need the
     * header to match the token of the session.
     */
    private static boolean xsrfTokenMatches(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(CSRF_TOKEN_SESSION_ATTRIBUTE);
        if (SAFE_METHODS.contains(request.getMethod())) {
            if (expected instanceof String token) {
                response.setHeader(XSRF_HEADER, token);
            }
            return true;
        }
        String given = request.getHeader(XSRF_HEADER);
        return expected instanceof String token && given != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private Set<String> groupsOf(String userId) {
        Set<String> groups = new HashSet<>();
        for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
            groups.add(group.getId());
        }
        return groups;
    }
}
