package cn.streetgov.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.spin.spi.SpinDataFormatException;
import org.springframework.util.unit.DataSize;

/**
 * What an error response may tell a client: no stack trace and no Java class names, ever. A server
 * error is answered with a generic Chinese message and a correlation id that is also logged with the
 * details; unreadable JSON and oversized bodies get their own 4xx messages. Used by the MVC handler,
 * the engine REST mapper and the last-resort error filter, so that every path answers alike.
 */
public final class PublicErrors {

    /** Response header that carries the correlation id of a server error. */
    public static final String ERROR_ID_HEADER = "X-Error-Id";
    public static final String INVALID_JSON = "请求内容不是有效的 JSON（格式错误、字段类型不符或嵌套过深）";
    /** The answer (409) to a step that lost a race with another official's on the same case. */
    public static final String CONCURRENT_UPDATE = "该事项已被他人修改，请刷新后重试";
    /** The answer (503) while the database cannot be reached: nothing of the request was kept. */
    public static final String DATABASE_UNAVAILABLE = "数据库暂时无法访问，本次操作未保存，请稍后重试";
    /** Seconds a client is asked to wait (header {@code Retry-After}) before retrying after a 503. */
    public static final int RETRY_AFTER_SECONDS = 10;
    public static final String RETRY_AFTER_HEADER = "Retry-After";

    /**
     * Failures that mean "someone else changed the same thing at the same moment; nothing of yours
     * was kept, try again": the engine's and JPA's optimistic locking, a lock that could not be had,
     * a deadlock the database resolved by rolling this transaction back.
     */
    private static final List<Class<? extends Throwable>> CONCURRENT_UPDATES = List.of(
            org.camunda.bpm.engine.OptimisticLockingException.class,
            org.springframework.dao.OptimisticLockingFailureException.class,
            org.springframework.dao.PessimisticLockingFailureException.class,
            jakarta.persistence.OptimisticLockException.class,
            jakarta.persistence.PessimisticLockException.class,
            jakarta.persistence.LockTimeoutException.class,
            org.hibernate.StaleStateException.class,
            org.hibernate.exception.LockAcquisitionException.class,
            java.sql.SQLTransactionRollbackException.class);

    /**
     * Failures that mean "the database could not be reached": no connection from the pool in time
     * (Hikari's timeout), a connection lost on the way, a transaction that could not begin. Any
     * {@link java.sql.SQLException} whose SQL state is of class 08 (connection exception) too.
     */
    private static final List<Class<? extends Throwable>> DATABASE_UNAVAILABLE_TYPES = List.of(
            java.sql.SQLTransientConnectionException.class,
            java.sql.SQLNonTransientConnectionException.class,
            org.springframework.transaction.CannotCreateTransactionException.class,
            org.springframework.jdbc.CannotGetJdbcConnectionException.class,
            org.springframework.dao.DataAccessResourceFailureException.class,
            org.hibernate.exception.JDBCConnectionException.class);

    /**
     * What Hikari's proxy of a connection it has closed (after the connection broke) answers, without
     * an SQL state: a rollback after a lost connection fails with it and hides the original failure.
     */
    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A fully qualified class name (two or more lower-case package segments, then a type name). */
    private static final Pattern QUALIFIED_NAME =
            Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}([A-Z][\\w$]*)");
    /** A stack frame line ("\tat org.x.Y.m(Y.java:12)"). */
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s*at [\\w.$/<>]+\\([^)]*\\)\\s*$\\R?");

    private PublicErrors() {
    }

    /** A short random id, e.g. {@code 5F3A9C21D04B}, for one server error. */
    public static String newErrorId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    public static String serverError(String errorId) {
        return "服务器内部错误，请联系管理员（编号 " + errorId + "）";
    }

    public static String tooLarge(long limitBytes) {
        return "请求内容过大：不得超过 " + humanSize(limitBytes);
    }

    /** Qualified class names become their simple names and stack frames are dropped. */
    public static String scrub(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        String withoutFrames = STACK_FRAME.matcher(message).replaceAll("");
        return QUALIFIED_NAME.matcher(withoutFrames).replaceAll("$1");
    }

    /** The first exception of the type in the cause chain, or null. */
    public static <T extends Throwable> T cause(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The failure (or one of its causes) is a concurrent update of the same data: answered 409, retriable. */
    public static boolean isConcurrentUpdate(Throwable exception) {
        return CONCURRENT_UPDATES.stream().anyMatch(type -> cause(exception, type) != null);
    }

    /** The failure (or one of its causes) is the database being out of reach: answered 503, retriable. */
    public static boolean isDatabaseUnavailable(Throwable exception) {
        if (DATABASE_UNAVAILABLE_TYPES.stream().anyMatch(type -> cause(exception, type) != null)) {
            return true;
        }
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || HIKARI_CLOSED_CONNECTION.equals(sql.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an error body's {@code type} (the simple class name Camunda's REST API and the
     * webapps' engine API put there) is one of the concurrent-update failures above.
     */
    public static boolean isConcurrentUpdateType(String simpleName) {
        return simpleName != null && CONCURRENT_UPDATES.stream().anyMatch(type -> type.getSimpleName().equals(simpleName));
    }

    /** A value longer than its column (SQLState 22001, "Value too long" on H2, "Data too long" on MariaDB). */
    public static boolean isValueTooLong(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "22001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The Chinese reason for a value longer than its column. */
    public static final String VALUE_TOO_LONG = "填写的内容过长，超出了可保存的长度，请删减后重试";

    /** A body that Jackson or Spin could not read: malformed, of the wrong shape, or nested too deeply. */
    public static boolean isUnreadableJson(Throwable exception) {
        return cause(exception, JsonProcessingException.class) != null
                || cause(exception, SpinDataFormatException.class) != null;
    }

    /** "10 MB", "512 KB" or "100 字节" of a limit. */
    public static String humanSize(long bytes) {
        DataSize size = DataSize.ofBytes(bytes);
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " 字节";
    }
}
