package cn.streetgov.common;

import java.util.List;

/** The logged-in user may not do this; answered with 403 and the (Chinese) message. */
public class ForbiddenException extends BusinessException {

    public ForbiddenException(String message) {
        super(403, List.of(message));
    }
}
