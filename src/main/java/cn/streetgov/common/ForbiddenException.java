package cn.streetgov.common;

/** The logged-in user may not do this; answered with 403 and the (Chinese) message. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
