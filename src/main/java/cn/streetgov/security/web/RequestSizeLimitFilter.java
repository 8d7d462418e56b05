package cn.streetgov.security.web;

import cn.streetgov.common.PublicErrors;
import cn.streetgov.common.RequestTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the size of request bodies ({@code app.security.max-body-size}; deployments of
 * administrators, {@code …/deployment/create} on either engine API, {@code app.security.max-deployment-size};
 * a file uploaded to a case, {@code POST /api/cases/{id}/attachments}, {@code app.attachments.max-size}):
 * a declared Content-Length over the limit is answered 413 before anything is read; a chunked body is
 * counted while it is read and fails with {@link RequestTooLargeException} at the first byte over the
 * limit (the error handlers and {@link ErrorResponseFilter} answer 413). Form parameters parsed by
 * Tomcat itself are held to {@code server.tomcat.max-http-form-post-size}.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** Request attribute: the limit (Long) that a body went over while it was read. */
    static final String EXCEEDED = RequestSizeLimitFilter.class.getName() + ".exceeded";
    private static final Pattern DEPLOYMENT =
            Pattern.compile("^(/engine-rest|/camunda/api/engine/engine/[^/]+)/deployment/create/?$");

    /** An upload of a file to a case (the file's own limit is checked by the attachments). */
    private static final Pattern ATTACHMENT_UPLOAD = Pattern.compile("^/api/cases/[^/]+/attachments/?$");
    /** What a multipart request carries besides the file (boundaries, headers, the kind and note). */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final long maxBodySize;
    private final long maxDeploymentSize;
    private final long maxAttachmentSize;

    RequestSizeLimitFilter(long maxBodySize, long maxDeploymentSize, long maxAttachmentSize) {
        this.maxBodySize = maxBodySize;
        this.maxDeploymentSize = maxDeploymentSize;
        this.maxAttachmentSize = maxAttachmentSize;
    }

    long limitFor(String path) {
        if (DEPLOYMENT.matcher(path).matches()) {
            return Math.max(maxDeploymentSize, maxBodySize);
        }
        if (ATTACHMENT_UPLOAD.matcher(path).matches()) {
            return Math.max(maxAttachmentSize + MULTIPART_OVERHEAD, maxBodySize);
        }
        return maxBodySize;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long limit = limitFor(request.getRequestURI().substring(request.getContextPath().length()));
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            JsonErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "RequestTooLargeException",
                    PublicErrors.tooLarge(limit));
            return;
        }
        chain.doFilter(declared >= 0 ? request : new CountingRequest(request, limit), response);
    }

    /** A request whose body is counted as it is read. */
    private static final class CountingRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;
        private BufferedReader reader;

        CountingRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }

        private final class CountingStream extends ServletInputStream {

            private final ServletInputStream in;
            private long count;

            CountingStream(ServletInputStream in) {
                this.in = in;
            }

            private int counted(int read) throws IOException {
                if (read > 0) {
                    count += read;
                    if (count > limit) {
                        setAttribute(EXCEEDED, limit);
                        throw new RequestTooLargeException(limit);
                    }
                }
                return read;
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return counted(in.read(b, off, len));
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        }
    }
}
