package cn.streetgov.common;

import java.util.List;

/** The case is not in a state that allows this (the next step was already taken); answered with 409. */
public class ConflictException extends BusinessException {

    public ConflictException(String message) {
        super(409, List.of(message));
    }
}
