package cn.streetgov.common;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body a filter has read (to check it, or to remember it), offered again, whole, to
 * what follows: the filters that look into a body before the engine's REST API does.
 */
public final class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final boolean utf8;

    private CachedBodyRequest(HttpServletRequest request, byte[] body, boolean utf8) {
        super(request);
        this.body = body;
        this.utf8 = utf8;
    }

    /** The request again with {@code body}, in the character encoding the request declares. */
    public static CachedBodyRequest of(HttpServletRequest request, byte[] body) {
        return new CachedBodyRequest(request, body, false);
    }

    /** The request again with {@code body}, which the filter has checked to be UTF-8. */
    public static CachedBodyRequest utf8(HttpServletRequest request, byte[] body) {
        return new CachedBodyRequest(request, body, true);
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
        String declared = utf8 ? null : super.getCharacterEncoding();
        Charset charset = declared == null || !Charset.isSupported(declared) ? StandardCharsets.UTF_8 : Charset.forName(declared);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public String getCharacterEncoding() {
        return utf8 ? StandardCharsets.UTF_8.name() : super.getCharacterEncoding();
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
