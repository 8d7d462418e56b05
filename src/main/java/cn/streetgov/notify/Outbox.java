package cn.streetgov.notify;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table {@code notify_outbox}: one row per (notice, person, outward channel). Every change of a
 * row's status is one conditional UPDATE, so that of two dispatchers (threads or nodes) reaching the
 * same row only one wins it. Times are UTC.
 */
@Repository
class Outbox {

    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
    static final String SKIPPED = "SKIPPED";

    private static final int ERROR_MAX = 1000;

    private final JdbcTemplate jdbc;

    Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A row as the dispatcher sends it. */
    record Row(long id, long notificationId, String userId, String channel, String address, int attempts,
            String claimToken) {
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A row due now (in the notice's transaction). */
    void add(long notificationId, String userId, String channel, String address, Instant now) {
        jdbc.update("insert into notify_outbox (notification_id, user_id, channel, address, status, attempts,"
                + " next_attempt_at, created_at) values (?, ?, ?, ?, ?, 0, ?, ?)",
                notificationId, userId, channel, address, PENDING, utc(now), utc(now));
    }

    /** A row recorded as not sendable (the person has no address on the channel). */
    void addSkipped(long notificationId, String userId, String channel, String reason, Instant now) {
        jdbc.update("insert into notify_outbox (notification_id, user_id, channel, status, attempts, next_attempt_at,"
                + " last_error, created_at) values (?, ?, ?, ?, 0, ?, ?, ?)",
                notificationId, userId, channel, SKIPPED, utc(now), reason, utc(now));
    }

    /** The ids of the pending rows of these channels that are due. */
    List<Long> due(List<String> channels, Instant now, int limit) {
        if (channels.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", channels.stream().map(c -> "?").toList());
        Object[] args = new Object[channels.size() + 2];
        args[0] = PENDING;
        for (int i = 0; i < channels.size(); i++) {
            args[i + 1] = channels.get(i);
        }
        args[args.length - 1] = utc(now);
        return jdbc.queryForList("select id from notify_outbox where status = ? and channel in (" + in + ")"
                + " and next_attempt_at <= ? order by id limit " + Math.max(1, limit), Long.class, args);
    }

    /**
     * Claims the row if it is still pending: one conditional UPDATE, committed before anything is
     * sent. Answers the claimed row, or empty when another dispatcher was first.
     */
    Optional<Row> claim(long id, Instant now) {
        String token = UUID.randomUUID().toString();
        int won = jdbc.update("update notify_outbox set status = ?, attempts = attempts + 1, claim_token = ?,"
                + " claimed_at = ? where id = ? and status = ?", SENDING, token, utc(now), id, PENDING);
        if (won != 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.queryForObject("select id, notification_id, user_id, channel, address, attempts,"
                + " claim_token from notify_outbox where id = ?", (rs, n) -> new Row(rs.getLong("id"),
                        rs.getLong("notification_id"), rs.getString("user_id"), rs.getString("channel"),
                        rs.getString("address"), rs.getInt("attempts"), rs.getString("claim_token")), id));
    }

    void sent(Row row, Instant now) {
        jdbc.update("update notify_outbox set status = ?, sent_at = ?, last_error = null where id = ? and claim_token = ?",
                SENT, utc(now), row.id(), row.claimToken());
    }

    /** A failed attempt: due again at {@code retryAt}, or given up when there is none. */
    void failed(Row row, String error, Instant retryAt) {
        if (retryAt == null) {
            jdbc.update("update notify_outbox set status = ?, last_error = ? where id = ? and claim_token = ?",
                    FAILED, truncate(error), row.id(), row.claimToken());
        } else {
            jdbc.update("update notify_outbox set status = ?, next_attempt_at = ?, last_error = ? where id = ?"
                    + " and claim_token = ?", PENDING, utc(retryAt), truncate(error), row.id(), row.claimToken());
        }
    }

    /** Gives a claim back untried (its channel was switched off meanwhile). */
    void release(Row row) {
        jdbc.update("update notify_outbox set status = ?, attempts = attempts - 1 where id = ? and claim_token = ?",
                PENDING, row.id(), row.claimToken());
    }

    /** Rows claimed before {@code claimedBefore} and never marked: given up, never sent again. */
    int giveUpCutOff(Instant claimedBefore, String reason) {
        return jdbc.update("update notify_outbox set status = ?, last_error = ? where status = ? and claimed_at < ?",
                FAILED, reason, SENDING, utc(claimedBefore));
    }

    private static String truncate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= ERROR_MAX ? text : text.substring(0, ERROR_MAX - 1) + "…";
    }
}
