package cn.streetgov.security.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Sets the security headers of {@link SecurityHeadersFilter} in Tomcat's pipeline, before the first
 * servlet filter: a filter that answers on its own before ours (e.g. one registered with the same
 * order) cannot leave them out. Runs after the RemoteIpValve of
 * {@code server.forward-headers-strategy=native}, so {@code isSecure()} already reflects the proxy.
 */
class SecurityHeadersValve extends ValveBase {

    private final SecurityHeadersFilter headers;

    SecurityHeadersValve(SecurityHeadersFilter headers) {
        super(true);
        this.headers = headers;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        headers.applyHeaders(request, response);
        getNext().invoke(request, response);
    }
}
