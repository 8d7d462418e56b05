package cn.streetgov.common;

import java.io.IOException;

/**
 * Thrown while a request body is read once it exceeds the limit (a chunked body, whose length was
 * not declared). An {@link IOException} so that every reader passes it on; answered with 413.
 */
public class RequestTooLargeException extends IOException {

    private final long limit;

    public RequestTooLargeException(long limit) {
        super(PublicErrors.tooLarge(limit));
        this.limit = limit;
    }

    /** The limit in bytes. */
    public long getLimit() {
        return limit;
    }
}
