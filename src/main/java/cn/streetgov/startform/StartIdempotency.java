package cn.streetgov.startform;

import cn.streetgov.common.RacePoints;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The table {@code start_idempotency}: which case a user's start with an {@code Idempotency-Key}
 * started. Written only inside the start's transaction ({@link IdempotentStartFilter}).
 */
@Component
class StartIdempotency {

    /** Race point: a start has found no earlier start of its key and is about to claim it. */
    static final String RACE_CLAIM = "start-idempotency.claim";

    /** A claimed key: the hash of the request that claimed it and the case it started (null until known). */
    record Claim(String requestHash, String processInstanceId) {
    }

    private final JdbcTemplate jdbc;

    StartIdempotency(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Claim> find(String userId, String processKey, String key) {
        List<Claim> claims = jdbc.query("select request_hash, process_instance_id from start_idempotency"
                + " where user_id = ? and process_key = ? and idempotency_key = ?",
                (rs, row) -> new Claim(rs.getString(1), rs.getString(2)), userId, processKey, key);
        return claims.stream().findFirst();
    }

    /**
     * Claims the key in the current transaction; a concurrent start with the same key waits on the
     * unique key until this one commits, then fails with a duplicate key (or this one fails if it lost).
     */
    void claim(String userId, String processKey, String key, String requestHash) {
        RacePoints.reached(RACE_CLAIM);
        jdbc.update("insert into start_idempotency (user_id, process_key, idempotency_key, request_hash, created_at)"
                + " values (?, ?, ?, ?, ?)", userId, processKey, key, requestHash, Timestamp.from(Instant.now()));
    }

    void started(String userId, String processKey, String key, String processInstanceId) {
        jdbc.update("update start_idempotency set process_instance_id = ?"
                + " where user_id = ? and process_key = ? and idempotency_key = ?",
                processInstanceId, userId, processKey, key);
    }
}
