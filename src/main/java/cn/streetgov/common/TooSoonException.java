package cn.streetgov.common;

import java.util.List;

/** Asked again before the time it may be asked (a second urge within the hour); answered with 429. */
public class TooSoonException extends BusinessException {

    public TooSoonException(String message) {
        super(429, List.of(message));
    }
}
