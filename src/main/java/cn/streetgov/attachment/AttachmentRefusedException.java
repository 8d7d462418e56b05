package cn.streetgov.attachment;

import cn.streetgov.common.BusinessException;
import java.util.List;

/** A file refused for its size (413) or its type (415), with the Chinese reason. */
class AttachmentRefusedException extends BusinessException {

    static final int TOO_LARGE = 413;
    static final int UNSUPPORTED_TYPE = 415;

    AttachmentRefusedException(int status, String message) {
        super(status, List.of(message));
    }
}
