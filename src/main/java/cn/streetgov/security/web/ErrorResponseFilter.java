package cn.streetgov.security.web;

import cn.streetgov.common.PublicErrors;
import cn.streetgov.common.RequestTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last line behind the error handlers of Spring MVC and the engine REST API, for every path
 * (Camunda's webapp APIs under /camunda/api have their own Jersey applications and mappers, and
 * filters may throw): no response leaves with a stack trace or a Java class name.
 * <ul>
 * <li>A 5xx body is replaced by the generic Chinese message with a correlation id, logged here with
 * the method, the path and the start of the original body — unless the answer already is such a
 * message (it carries {@link PublicErrors#ERROR_ID_HEADER}).</li>
 * <li>A 4xx body keeps its content with qualified class names reduced to simple names; for a browser
 * opening a page under /app it is a Chinese HTML page with the reason ({@link HtmlErrorPage}).</li>
 * <li>A 503 with {@code Retry-After} (the database is out of reach) and the health endpoint's DOWN
 * pass through as they are.</li>
 * <li>An exception that escapes the chain is a 503 if the database is out of reach, a 400 if a JSON body could not be read, a 413 if the
 * body was over the limit, else a 500 as above.</li>
 * <li>A request whose body went over the limit while it was read is answered 413, whatever the
 * reader turned the failure into.</li>
 * </ul>
 * Bodies of successful responses pass through unbuffered; error bodies are buffered (they are small).
 */
class ErrorResponseFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponseFilter.class);
    static final String CONFLICT_TYPE = "OptimisticLockingException";
    static final String DATABASE_UNAVAILABLE_TYPE = "DatabaseUnavailable";
    private static final java.util.regex.Pattern ERROR_TYPE =
            java.util.regex.Pattern.compile("\"type\"\\s*:\\s*\"([A-Za-z]+)\"");
    /** An error body larger than this passes through as it is (no error body of ours comes near it). */
    private static final int MAX_BUFFERED = 256 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ErrorCapturingResponse wrapped = new ErrorCapturingResponse(response);
        try {
            chain.doFilter(request, wrapped);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            if (response.isCommitted()) {
                log.error("请求处理失败，应答已部分发送：{} {}", request.getMethod(), request.getRequestURI(), e);
                throw e;
            }
            answerException(request, response, e);
            return;
        }
        if (request.isAsyncStarted()) {
            wrapped.passThroughFromNowOn();
            return;
        }
        wrapped.finish(request);
    }

    private static void answerException(HttpServletRequest request, HttpServletResponse response, Throwable e)
            throws IOException {
        response.resetBuffer();
        response.setContentLengthLong(-1);
        RequestTooLargeException tooLarge = PublicErrors.cause(e, RequestTooLargeException.class);
        if (tooLarge != null || request.getAttribute(RequestSizeLimitFilter.EXCEEDED) != null) {
            long limit = tooLarge != null ? tooLarge.getLimit() : (Long) request.getAttribute(RequestSizeLimitFilter.EXCEEDED);
            JsonErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "RequestTooLargeException",
                    PublicErrors.tooLarge(limit));
            return;
        }
        if (PublicErrors.isDatabaseUnavailable(e)) {
            log.warn("数据库暂时无法访问（503）：{} {}：{}", request.getMethod(), request.getRequestURI(), e.toString());
            writeDatabaseUnavailable(response);
            return;
        }
        if (PublicErrors.isConcurrentUpdate(e)) {
            log.info("并发修改冲突（409）：{} {}：{}", request.getMethod(), request.getRequestURI(), e.toString());
            JsonErrors.write(response, HttpServletResponse.SC_CONFLICT, CONFLICT_TYPE, PublicErrors.CONCURRENT_UPDATE);
            return;
        }
        if (PublicErrors.isUnreadableJson(e)) {
            JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
                    PublicErrors.INVALID_JSON);
            return;
        }
        String errorId = PublicErrors.newErrorId();
        log.error("服务器内部错误（编号 {}）：{} {}", errorId, request.getMethod(), request.getRequestURI(), e);
        writeServerError(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, errorId);
    }

    static void writeDatabaseUnavailable(HttpServletResponse response) throws IOException {
        response.setHeader(PublicErrors.RETRY_AFTER_HEADER, String.valueOf(PublicErrors.RETRY_AFTER_SECONDS));
        JsonErrors.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE_TYPE,
                PublicErrors.DATABASE_UNAVAILABLE);
    }

    /** A 503 that is already our database-unavailable answer, or the health endpoint's DOWN: kept as it is. */
    private static boolean keptAsItIs(HttpServletRequest request, int status, String retryAfter) {
        if (status != HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return retryAfter != null || path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    private static void writeServerError(HttpServletResponse response, int status, String errorId) throws IOException {
        response.setHeader(PublicErrors.ERROR_ID_HEADER, errorId);
        JsonErrors.write(response, status, "ServerError", PublicErrors.serverError(errorId));
    }

    /** Holds back the body of an error response until the chain is done, then answers it. */
    private static final class ErrorCapturingResponse extends HttpServletResponseWrapper {

        private enum Mode { UNDECIDED, PASS, CAPTURE }

        private Mode mode = Mode.UNDECIDED;
        private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        private ServletOutputStream stream;
        private PrintWriter writer;
        /** A sendError(5xx) that was taken over: the container's error page is not used. */
        private boolean serverErrorSent;

        ErrorCapturingResponse(HttpServletResponse response) {
            super(response);
        }

        private HttpServletResponse real() {
            return (HttpServletResponse) getResponse();
        }

        /** Decided at the first byte: an error status then means the body is held back. */
        private Mode decide() {
            if (mode == Mode.UNDECIDED) {
                mode = getStatus() >= 400 ? Mode.CAPTURE : Mode.PASS;
            }
            return mode;
        }

        void passThroughFromNowOn() {
            if (mode == Mode.UNDECIDED) {
                mode = Mode.PASS;
            }
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }

        @Override
        public void sendError(int sc, String message) throws IOException {
            if (sc >= 500 && mode != Mode.PASS) {
                real().setStatus(sc);
                serverErrorSent = true;
                mode = Mode.CAPTURE;
                captured.reset();
                return;
            }
            flushWriter();
            super.sendError(sc); // the message is not echoed: the error page shows the status only
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new SwitchingStream();
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            flushWriter();
            if (decide() == Mode.PASS) {
                super.flushBuffer();
            }
        }

        @Override
        public void resetBuffer() {
            captured.reset();
            super.resetBuffer();
        }

        @Override
        public void reset() {
            captured.reset();
            super.reset();
        }

        private void flushWriter() {
            if (writer != null) {
                writer.flush();
            }
        }

        /** After the chain: answers a held-back error body. */
        void finish(HttpServletRequest request) throws IOException {
            flushWriter();
            Object exceeded = request.getAttribute(RequestSizeLimitFilter.EXCEEDED);
            if (exceeded != null && getStatus() != HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
                    && mode != Mode.PASS && !isCommitted()) {
                real().resetBuffer();
                real().setContentLengthLong(-1);
                JsonErrors.write(real(), HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "RequestTooLargeException",
                        PublicErrors.tooLarge((Long) exceeded));
                return;
            }
            if (mode != Mode.CAPTURE && !(mode == Mode.UNDECIDED && getStatus() >= 500)) {
                return;
            }
            byte[] body = captured.toByteArray();
            if (getStatus() >= 500 && PublicErrors.isConcurrentUpdateType(errorType(body))) {
                // the webapps' engine API (Tasklist, Cockpit) maps a lost optimistic-lock race to 500
                log.info("并发修改冲突（409）：{} {}：{}", request.getMethod(), request.getRequestURI(), start(body));
                real().setContentLengthLong(-1);
                JsonErrors.write(real(), HttpServletResponse.SC_CONFLICT, CONFLICT_TYPE, PublicErrors.CONCURRENT_UPDATE);
                return;
            }
            if (!serverErrorSent && keptAsItIs(request, getStatus(), getHeader(PublicErrors.RETRY_AFTER_HEADER))) {
                writeBody(body);
                return;
            }
            if (getStatus() >= 500) {
                if (getHeader(PublicErrors.ERROR_ID_HEADER) != null && !serverErrorSent) {
                    writeBody(body);
                    return;
                }
                String errorId = PublicErrors.newErrorId();
                log.error("服务器内部错误（编号 {}）：{} {} → {}，原应答: {}", errorId, request.getMethod(),
                        request.getRequestURI(), getStatus(), start(body));
                real().setContentLengthLong(-1);
                writeServerError(real(), getStatus(), errorId);
                return;
            }
            if (HtmlErrorPage.wanted(request)) {
                // a browser opening one of our pages reads the refusal as a page, not as JSON
                real().setContentLengthLong(-1);
                HtmlErrorPage.write(real(), getStatus(), getStatus() == HttpServletResponse.SC_UNAUTHORIZED ? null
                        : HtmlErrorPage.messageOf(body));
                return;
            }
            writeBody(scrubbed(body));
        }

        private byte[] scrubbed(byte[] body) {
            String type = getContentType();
            boolean text = type == null || type.startsWith("application/json") || type.startsWith("text/")
                    || type.contains("+json");
            if (!text || body.length == 0) {
                return body;
            }
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            return PublicErrors.scrub(new String(body, charset)).getBytes(charset);
        }

        private void writeBody(byte[] body) throws IOException {
            real().setContentLengthLong(body.length);
            ServletOutputStream out = real().getOutputStream();
            out.write(body);
            out.flush();
        }

        /** The {@code type} of a JSON error body, or null. */
        private String errorType(byte[] body) {
            java.util.regex.Matcher m = ERROR_TYPE.matcher(start(body));
            return m.find() ? m.group(1) : null;
        }

        private String start(byte[] body) {
            String text = new String(body, 0, Math.min(body.length, 2000), StandardCharsets.UTF_8);
            return text.replaceAll("\\s+", " ");
        }

        /** Writes through while the response is not an error, holds the bytes back while it is. */
        private final class SwitchingStream extends ServletOutputStream {

            private ServletOutputStream target() throws IOException {
                return real().getOutputStream();
            }

            private boolean capture(int length) throws IOException {
                if (decide() != Mode.CAPTURE) {
                    return false;
                }
                if (captured.size() + length > MAX_BUFFERED && !serverErrorSent && getStatus() < 500) {
                    // too large for an error body of ours: let it through as it is
                    mode = Mode.PASS;
                    ServletOutputStream out = target();
                    out.write(captured.toByteArray());
                    captured.reset();
                    return false;
                }
                return true;
            }

            @Override
            public void write(int b) throws IOException {
                if (capture(1)) {
                    if (captured.size() < MAX_BUFFERED) {
                        captured.write(b);
                    }
                    return;
                }
                target().write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (capture(len)) {
                    captured.write(b, off, Math.max(0, Math.min(len, MAX_BUFFERED - captured.size())));
                    return;
                }
                target().write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                if (mode == Mode.PASS) {
                    target().flush();
                }
            }

            @Override
            public void close() throws IOException {
                if (decide() == Mode.PASS) {
                    target().close();
                }
            }

            @Override
            public boolean isReady() {
                try {
                    return target().isReady();
                } catch (IOException e) {
                    return false;
                }
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                try {
                    target().setWriteListener(listener);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
