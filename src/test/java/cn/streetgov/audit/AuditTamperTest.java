package cn.streetgov.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import cn.streetgov.foundation.SecurityProbe;
import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database writer (plain SQL, without the application's key) tries to change a case's audit
 * trail so that it still verifies as intact.
 */
class AuditTamperTest extends ProcessTestSupport {

    private static final String GENESIS = "0".repeat(64);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    DataSource dataSource;

    private ProcessInstance completedProbeCase() {
        SecurityProbe.deploy(repositoryService);
        ProcessInstance instance = as("admin", () -> runtimeService.startProcessInstanceByKey(SecurityProbe.KEY,
                "TAMPER-" + System.nanoTime(), Map.of("summary", "东华街道占道经营")));
        complete("s01-off", task(instance, SecurityProbe.TASK), Map.of("handlingNote", "已处理"));
        return instance;
    }

    private Http.Response trail(String processInstanceId) {
        return Http.as(port, "auditor").get("/api/audit/" + processInstanceId);
    }

    private JsonNode verify(String processInstanceId) {
        Http.Response response = Http.as(port, "auditor").get("/api/audit/" + processInstanceId + "/verify");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aChangedRecordRehashedWithPlainSha256IsDetected() {
        String id = completedProbeCase().getId();
        jdbc.update("update audit_record set actor_id = 'someone-else' where process_instance_id = ? and seq = 2", id);
        rehashWithPlainSha256(id, 2);

        assertThat(trail(id).header("X-Audit-Chain")).isEqualTo("broken; seq=2");
        JsonNode check = verify(id);
        assertThat(check.get("intact").asBoolean()).isFalse();
        assertThat(check.get("firstBrokenSeq").asInt()).isEqualTo(2);
        assertThat(check.get("message").asText()).contains("第 2 条记录被改动");
    }

    @Test
    void aRecordDowngradedToTheUnkeyedHashIsNotVouchedFor() {
        String id = completedProbeCase().getId();
        jdbc.update("update audit_record set actor_id = 'someone-else', hash_version = 1 "
                + "where process_instance_id = ? and seq = 2", id);
        rehashWithPlainSha256(id, 2);

        assertThat(trail(id).header("X-Audit-Chain")).isEqualTo("broken; seq=2");
        assertThat(verify(id).get("message").asText()).contains("第 2 条记录没有密钥保护");
    }

    @Test
    void deletingTheLastRecordIsDetected() {
        String id = completedProbeCase().getId();
        jdbc.update("delete from audit_record where process_instance_id = ? and seq = 3", id);

        assertThat(trail(id).header("X-Audit-Chain")).isEqualTo("broken; seq=3");
        JsonNode check = verify(id);
        assertThat(check.get("intact").asBoolean()).isFalse();
        assertThat(check.get("firstBrokenSeq").asInt()).isEqualTo(3);
        assertThat(check.get("message").asText()).contains("最后的记录被删除", "链头记录共 3 条，现存 2 条");
    }

    @Test
    void deletingTheLastRecordAndMovingTheHeadBackIsDetected() {
        String id = completedProbeCase().getId();
        jdbc.update("delete from audit_record where process_instance_id = ? and seq = 3", id);
        String secondHash = jdbc.queryForObject(
                "select hash from audit_record where process_instance_id = ? and seq = 2", String.class, id);
        jdbc.update("update audit_chain_head set last_seq = 2, last_hash = ? where process_instance_id = ?",
                secondHash, id);

        assertThat(trail(id).header("X-Audit-Chain")).isEqualTo("broken; seq=3");
        assertThat(verify(id).get("message").asText()).contains("链头记录被改动");
    }

    @Test
    void deletingTheHeadIsDetected() {
        String id = completedProbeCase().getId();
        jdbc.update("delete from audit_chain_head where process_instance_id = ?", id);

        assertThat(trail(id).header("X-Audit-Chain")).isEqualTo("broken; seq=4");
        assertThat(verify(id).get("message").asText()).contains("链头记录缺失");
    }

    @Test
    void nothingIsAppendedAfterAnAlteredOrMissingHead() {
        ProcessInstance instance = completedProbeCase();
        String id = instance.getId();
        jdbc.update("update audit_chain_head set last_seq = 2 where process_instance_id = ?", id);
        assertThatIllegalStateException().isThrownBy(() -> auditTrail.record(systemEvent(id, 1)))
                .withMessageContaining("链头记录被改动");

        jdbc.update("delete from audit_chain_head where process_instance_id = ?", id);
        assertThatIllegalStateException().isThrownBy(() -> auditTrail.record(systemEvent(id, 2)))
                .withMessageContaining("链头记录缺失");
        assertThat(auditTrail.trail(id)).hasSize(3);
    }

    @Test
    void deletingTheLastTwoRecordsIsDetected() {
        String id = completedProbeCase().getId();
        jdbc.update("delete from audit_record where process_instance_id = ? and seq >= 2", id);

        assertThat(trail(id).header("X-Audit-Chain")).isEqualTo("broken; seq=2");
        assertThat(verify(id).get("firstBrokenSeq").asInt()).isEqualTo(2);
    }

    @Test
    void deletingEveryRecordOfACaseIsDetected() {
        String id = completedProbeCase().getId();
        jdbc.update("delete from audit_record where process_instance_id = ?", id);

        Http.Response response = trail(id);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Audit-Chain")).isEqualTo("broken; seq=1");
        assertThat(response.json()).isEmpty();
        JsonNode check = verify(id);
        assertThat(check.get("intact").asBoolean()).isFalse();
        assertThat(check.get("message").asText()).contains("全部被删除");
    }

    @Test
    void shiftingCharactersBetweenAdjacentFieldsIsDetected() {
        ProcessInstance instance = completedProbeCase();
        String id = instance.getId();
        // a system event whose message holds a control character, as any free text may
        auditTrail.record(new AuditEvent(id, instance.getBusinessKey(), SecurityProbe.KEY, AuditEventType.SYSTEM,
                null, null, null, AuditEvent.SYSTEM_ACTOR, null, null, "ACCEPT", "同意\u001f另附意见", null,
                Instant.now()));
        assertThat(trail(id).header("X-Audit-Chain")).isEqualTo("intact");

        // the same characters, the boundary between comment and payload moved
        jdbc.update("update audit_record set comment_text = ?, payload = ? where process_instance_id = ? and seq = 4",
                "同意", "另附意见\u001f", id);

        assertThat(trail(id).header("X-Audit-Chain")).isEqualTo("broken; seq=4");
    }

    @Test
    void concurrentAppendsToOneCaseKeepOneChain() throws Exception {
        String id = "concurrent-" + System.nanoTime();
        auditTrail.record(systemEvent(id, 0));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> appends = new ArrayList<>();
            for (int i = 1; i < 40; i++) {
                int n = i;
                appends.add(pool.submit(() -> auditTrail.record(systemEvent(id, n))));
            }
            for (Future<?> append : appends) {
                append.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(auditTrail.trail(id)).extracting(AuditRecord::getSeq)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
        assertThat(trail(id).header("X-Audit-Chain")).isEqualTo("intact");
    }

    private static AuditEvent systemEvent(String processInstanceId, int n) {
        return new AuditEvent(processInstanceId, "CONCURRENT", SecurityProbe.KEY, AuditEventType.SYSTEM, null, null,
                null, AuditEvent.SYSTEM_ACTOR, null, null, null, "第 " + n + " 次", null, Instant.now());
    }

    /**
     * Times are hashed as epoch milliseconds and stored as UTC. On MariaDB this fails as soon as
     * the mapping goes through the JVM's zone (seen with
     * {@code -Dspring.jpa.properties.hibernate.type.preferred_instant_jdbc_type=TIMESTAMP} before the
     * columns were pinned to UTC); H2 keeps the zone it first saw, so there it cannot tell.
     */
    @Test
    void aCaseWrittenInOneTimeZoneVerifiesInAnother() {
        TimeZone original = TimeZone.getDefault();
        try {
            useTimeZone("UTC");
            String writtenInUtc = completedProbeCase().getId();
            useTimeZone("Asia/Shanghai");
            String writtenInShanghai = completedProbeCase().getId();
            assertThat(trail(writtenInUtc).header("X-Audit-Chain")).isEqualTo("intact");

            useTimeZone("UTC");
            assertThat(trail(writtenInShanghai).header("X-Audit-Chain")).isEqualTo("intact");
        } finally {
            TimeZone.setDefault(original);
            renewConnections();
        }
    }

    /** As a JVM started in that zone: the default zone, and connections opened in it. */
    private void useTimeZone(String zone) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        renewConnections();
    }

    private void renewConnections() {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Recomputes the hashes of the case from record {@code fromSeq} on the way the unkeyed SHA-256
     * chain (V2) did, and stores them.
     */
    private void rehashWithPlainSha256(String processInstanceId, int fromSeq) {
        List<AuditRecord> records = auditTrail.trail(processInstanceId);
        String prev = fromSeq == 1 ? GENESIS : records.get(fromSeq - 2).getHash();
        for (AuditRecord r : records.subList(fromSeq - 1, records.size())) {
            String content = String.join("\u001f", prev, String.valueOf(r.getSeq()), r.getProcessInstanceId(),
                    nz(r.getBusinessKey()), r.getProcessKey(), r.getEventType().name(), nz(r.getActivityId()),
                    nz(r.getActivityName()), nz(r.getTaskId()), r.getActorId(), nz(r.getActorGroupId()),
                    nz(r.getActorGroupName()), nz(r.getDecision()), nz(r.getComment()), nz(r.getPayload()),
                    String.valueOf(r.getOccurredAt().toEpochMilli()));
            String hash = sha256(content);
            jdbc.update("update audit_record set prev_hash = ?, hash = ? where id = ?", prev, hash, r.getId());
            prev = hash;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
