package cn.streetgov.common;

import java.util.List;

/**
 * A refusal with a Chinese reason that the client should see as it is, with an HTTP status:
 * bad input (400), not allowed (403), unknown (404). Thrown before anything is written.
 */
public abstract class BusinessException extends RuntimeException {

    private final int status;
    private final List<String> errors;

    protected BusinessException(int status, List<String> errors) {
        super(String.join("；", errors));
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /** The HTTP status the refusal is answered with. */
    public int getStatus() {
        return status;
    }

    /** The reasons, one per rule that was broken. */
    public List<String> getErrors() {
        return errors;
    }
}
