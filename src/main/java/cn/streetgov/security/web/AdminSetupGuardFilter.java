package cn.streetgov.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda Admin offers an "initial user setup" that creates an administrator while the
 * administrators' group has no member. Administrators come from the organisation model here, so
 * the endpoint is closed whatever the state of the group.
 */
class AdminSetupGuardFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
                "初始管理员设置已关闭：管理员由组织机构模型维护");
    }
}
