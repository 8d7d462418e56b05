package cn.streetgov.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response of the application, set before any filter runs (by
 * {@link SecurityHeadersValve}, whatever the order of the filters) so that error answers
 * (401/403/404/500, from any filter) carry them too, and again after a reset of the response:
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} and
 * {@code Referrer-Policy: same-origin} everywhere (same-origin, not no-referrer: Camunda's CSRF
 * filter checks the Origin of a POST, which a no-referrer policy would blank);</li>
 * <li>a Content-Security-Policy: {@link #API_POLICY} for the APIs and everything that is not a page,
 * {@link AppPagePolicy} for our pages under /app, and none of ours under the webapps' path, where
 * Camunda's HttpHeaderSecurityFilter sends its own (one policy per response);</li>
 * <li>over TLS ({@code request.isSecure()}, also behind a proxy with
 * {@code server.forward-headers-strategy}): {@code Strict-Transport-Security} and the
 * {@code Secure} flag on every cookie the application sets (Tomcat already marks its session cookie
 * Secure on a secure request; this covers Camunda's XSRF-TOKEN cookie).</li>
 * </ul>
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

    /** Nothing may be loaded, framed or submitted: JSON, CSV and files need none of it. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final String webappPath;
    private final AppPagePolicy appPagePolicy;
    private final String hsts;

    SecurityHeadersFilter(String webappPath, AppPagePolicy appPagePolicy, String hsts) {
        this.webappPath = webappPath.endsWith("/") ? webappPath.substring(0, webappPath.length() - 1) : webappPath;
        this.appPagePolicy = appPagePolicy;
        this.hsts = hsts == null ? "" : hsts.trim();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HeaderKeepingResponse wrapped = new HeaderKeepingResponse(response, request);
        applyHeaders(request, wrapped);
        chain.doFilter(request, wrapped);
    }

    /** Also called by {@link SecurityHeadersValve} before any filter runs. */
    void applyHeaders(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        String policy = policyFor(request.getRequestURI().substring(request.getContextPath().length()));
        if (policy != null) {
            response.setHeader("Content-Security-Policy", policy);
        }
        if (request.isSecure() && !hsts.isEmpty()) {
            response.setHeader("Strict-Transport-Security", hsts);
        }
    }

    String policyFor(String path) {
        if (path.equals(webappPath) || path.startsWith(webappPath + "/")) {
            return null;
        }
        if (path.equals("/app") || path.startsWith("/app/")) {
            return appPagePolicy.policy();
        }
        return API_POLICY;
    }

    /** Puts the headers back after a reset and marks the application's cookies Secure over TLS. */
    private final class HeaderKeepingResponse extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        HeaderKeepingResponse(HttpServletResponse response, HttpServletRequest request) {
            super(response);
            this.request = request;
        }

        @Override
        public void reset() {
            super.reset();
            applyHeaders(request, this);
        }

        @Override
        public void addCookie(Cookie cookie) {
            if (request.isSecure()) {
                cookie.setSecure(true);
            }
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, secureCookie(name, value));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, secureCookie(name, value));
        }

        private String secureCookie(String name, String value) {
            if (value == null || !request.isSecure() || !"Set-Cookie".equalsIgnoreCase(name)) {
                return value;
            }
            for (String attribute : value.split(";")) {
                if (attribute.trim().toLowerCase(Locale.ROOT).equals("secure")) {
                    return value;
                }
            }
            return value + "; Secure";
        }
    }
}
