package cn.streetgov.security.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects (400) any request to the engine API that carries an expression parameter
 * ({@code assigneeExpression}, {@code candidateGroupsExpression}, … anywhere in the query string or
 * the JSON body, including inside {@code orQueries}). Camunda 7.24 CE evaluates expressions inside
 * {@code orQueries} of a task query, which would let any logged-in user run code in the engine.
 * Only saving a filter (create/update, itself guarded by the FILTER authorizations that only
 * administrators hold) may carry expressions such as {@code ${currentUser()}}.
 */
class QueryExpressionGuardFilter extends OncePerRequestFilter {

    private static final JsonFactory JSON = new JsonFactory();
    /** POST …/filter/create and PUT …/filter/{id}: saving a filter definition. */
    private static final Pattern FILTER_SAVE = Pattern.compile(".*/filter/(create|[^/]+)$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> offending = request.getParameterMap().keySet().stream()
                .filter(QueryExpressionGuardFilter::isExpressionKey).findFirst();
        if (offending.isPresent()) {
            reject(response, offending.get());
            return;
        }
        String contentType = request.getContentType();
        boolean json = contentType != null && contentType.toLowerCase().contains("json");
        if (!json || !hasBody(request) || isFilterSave(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        Optional<String> inBody;
        try {
            inBody = findExpressionKey(body);
        } catch (JsonParseException e) {
            inBody = Optional.empty(); // let the engine answer malformed JSON as it always does
        }
        if (inBody.isPresent()) {
            reject(response, inBody.get());
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    static boolean isExpressionKey(String key) {
        return key != null && key.endsWith("Expression");
    }

    static Optional<String> findExpressionKey(byte[] body) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME && isExpressionKey(parser.currentName())) {
                    return Optional.of(parser.currentName());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasBody(HttpServletRequest request) {
        String method = request.getMethod();
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    private static boolean isFilterSave(HttpServletRequest request) {
        String uri = request.getRequestURI();
        boolean create = "POST".equals(request.getMethod()) && uri.endsWith("/filter/create");
        boolean update = "PUT".equals(request.getMethod()) && FILTER_SAVE.matcher(uri).matches();
        return create || update;
    }

    private static void reject(HttpServletResponse response, String key) throws IOException {
        JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
                "出于安全原因，查询中不允许使用表达式参数: " + key);
    }

    /** The request again, with the body that was read for the check. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() != null ? getCharacterEncoding() : StandardCharsets.UTF_8.name();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
