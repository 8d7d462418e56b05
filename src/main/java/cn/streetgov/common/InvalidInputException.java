package cn.streetgov.common;

import java.util.List;

/**
 * Input that breaks a business rule; answered with 400 and the (Chinese) messages. Thrown before
 * anything is written, so that bad input never leaves a half-written case.
 */
public class InvalidInputException extends BusinessException {

    public InvalidInputException(String message) {
        this(List.of(message));
    }

    public InvalidInputException(List<String> errors) {
        super(400, errors);
    }
}
