package cn.streetgov.common;

import java.util.List;

/** Something the request names does not exist; answered with 404 and the (Chinese) message. */
public class NotFoundException extends BusinessException {

    public NotFoundException(String message) {
        super(404, List.of(message));
    }
}
