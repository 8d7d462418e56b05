package cn.streetgov.security.web;

import cn.streetgov.security.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
 * Public: the power catalog (GET /api/catalog) and /actuator/health. Actuator endpoints other than
 * health are for administrators. The user is available as the request attribute
 * {@link #CURRENT_USER} and as the engine's authenticated user while the request runs.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    public static final String CURRENT_USER = ApiAuthenticationFilter.class.getName() + ".user";
    private static final String ENGINE = "default";

    private final IdentityService identityService;

    ApiAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
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
        }
        if (user == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"street-governance\", charset=\"UTF-8\"");
            JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException",
                    "请先登录（HTTP Basic 或 Camunda 网页登录）");
            return;
        }
        if (path.startsWith("/actuator/") && !user.isAdmin()) {
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
        boolean catalog = "GET".equals(method) && (path.equals("/api/catalog") || path.startsWith("/api/catalog/"));
        boolean health = path.equals("/actuator/health") || path.startsWith("/actuator/health/");
        return catalog || health || path.equals("/actuator/info");
    }

    private CurrentUser fromBasicHeader(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String userId = decoded.substring(0, colon);
        if (!identityService.checkPassword(userId, decoded.substring(colon + 1))) {
            return null;
        }
        return new CurrentUser(userId, groupsOf(userId));
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
        return new CurrentUser(userAuthentication.getName(), new HashSet<>(userAuthentication.getGroupIds()));
    }

    private Set<String> groupsOf(String userId) {
        Set<String> groups = new HashSet<>();
        for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
            groups.add(group.getId());
        }
        return groups;
    }
}
