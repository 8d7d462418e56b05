package cn.streetgov.org.domain;

import cn.streetgov.common.BusinessException;
import java.util.List;

/**
 * The administrator edited a row someone else changed since it was read (or changes it at the
 * same moment); answered with 409 and the (Chinese) message. Nothing is written.
 */
public class OrgConflictException extends BusinessException {

    public OrgConflictException(String message) {
        super(409, List.of(message));
    }
}
