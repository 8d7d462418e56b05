package cn.streetgov.security.web;

import cn.streetgov.security.LoginCache;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's authentication filter for /engine-rest with HTTP Basic, whose logins come from the
 * {@link LoginCache}: the user's groups and tenants travel with the result, so that the filter does
 * not query them again (Camunda's {@code HttpBasicAuthenticationProvider} checks the password and
 * the filter then reads groups and tenants on every request).
 */
final class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    private final LoginCache logins;

    EngineRestAuthenticationFilter(LoginCache logins) {
        this.logins = logins;
    }

    @Override
    public void init(FilterConfig config) {
        authenticationProvider = new CachedBasicAuthentication(logins);
        servletPathPrefix = config.getInitParameter(SERVLET_PATH_PREFIX);
    }

    static final class CachedBasicAuthentication implements AuthenticationProvider {

        private final LoginCache logins;

        CachedBasicAuthentication(LoginCache logins) {
            this.logins = logins;
        }

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            BasicCredentials credentials = BasicCredentials.of(request);
            if (credentials == null) {
                return AuthenticationResult.unsuccessful();
            }
            return logins.authenticate(engine.getIdentityService(), credentials.userId(), credentials.password())
                    .map(login -> {
                        AuthenticationResult result = AuthenticationResult.successful(login.userId());
                        result.setGroups(login.groupIds());
                        result.setTenants(login.tenantIds());
                        return result;
                    })
                    .orElseGet(() -> AuthenticationResult.unsuccessful(credentials.userId()));
        }

        @Override
        public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + engine.getName() + "\"");
        }
    }
}
