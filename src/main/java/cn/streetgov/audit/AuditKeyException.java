package cn.streetgov.audit;

/** The audit key is missing or unfit: the application does not start. */
final class AuditKeyException extends IllegalStateException {

    AuditKeyException(String message) {
        super(message);
    }
}
