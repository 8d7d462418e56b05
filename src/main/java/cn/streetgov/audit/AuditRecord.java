package cn.streetgov.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One event of a case in the audit trail; immutable once written, hash-chained per case. The hash
 * is the {@link AuditSeal keyed HMAC} of the previous record's hash and every field of this one.
 */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    static final String GENESIS = "0".repeat(64);
    /** {@code hash_version} of the rows written before V3: unkeyed SHA-256, not verifiable. */
    static final int UNKEYED = 1;
    /** {@code hash_version} of keyed rows: HMAC-SHA256 over {@link CanonicalFields}. */
    static final int KEYED = 2;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    private int seq;

    @Column(name = "business_key")
    private String businessKey;

    @Column(name = "process_key")
    private String processKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type")
    private AuditEventType eventType;

    @Column(name = "activity_id")
    private String activityId;

    @Column(name = "activity_name")
    private String activityName;

    @Column(name = "task_id")
    private String taskId;

    @Column(name = "actor_id")
    private String actorId;

    @Column(name = "actor_group_id")
    private String actorGroupId;

    @Column(name = "actor_group_name")
    private String actorGroupName;

    private String decision;

    @Column(name = "comment_text")
    private String comment;

    private String payload;

    /** Stored as UTC whatever the JVM's zone, so that any JVM reads back the instant it hashed. */
    @JdbcTypeCode(SqlTypes.TIMESTAMP_UTC)
    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(name = "prev_hash")
    private String prevHash;

    private String hash;

    @Column(name = "hash_version")
    private int hashVersion;

    protected AuditRecord() {
    }

    AuditRecord(AuditEvent event, int seq, String prevHash, AuditSeal seal) {
        this.processInstanceId = event.processInstanceId();
        this.seq = seq;
        this.businessKey = event.businessKey();
        this.processKey = event.processKey();
        this.eventType = event.type();
        this.activityId = event.activityId();
        this.activityName = event.activityName();
        this.taskId = event.taskId();
        this.actorId = event.actorId();
        this.actorGroupId = event.actorGroupId();
        this.actorGroupName = event.actorGroupName();
        this.decision = truncate(event.decision(), 64);
        this.comment = truncate(event.comment(), 4000);
        this.payload = truncate(event.payload(), 8000);
        // the database keeps milliseconds: hash what will be read back
        this.occurredAt = Instant.ofEpochMilli(event.occurredAt().toEpochMilli());
        this.prevHash = prevHash;
        this.hashVersion = KEYED;
        this.hash = seal.sign(content());
    }

    /** The hashed content: the scheme's version, the previous hash and every field. */
    CanonicalFields content() {
        return new CanonicalFields("streetgov/audit-record").add(hashVersion).add(prevHash).add(seq)
                .add(processInstanceId).add(businessKey).add(processKey).add(eventType == null ? null : eventType.name())
                .add(activityId).add(activityName).add(taskId).add(actorId).add(actorGroupId).add(actorGroupName)
                .add(decision).add(comment).add(payload).add(occurredAt == null ? null : Long.toString(occurredAt.toEpochMilli()));
    }

    /** Whether the stored hash is the keyed hash of the stored content. */
    boolean sealedBy(AuditSeal seal) {
        return hashVersion == KEYED && seal.matches(content(), hash);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public int getSeq() {
        return seq;
    }

    public String getBusinessKey() {
        return businessKey;
    }

    public String getProcessKey() {
        return processKey;
    }

    public AuditEventType getEventType() {
        return eventType;
    }

    public String getActivityId() {
        return activityId;
    }

    public String getActivityName() {
        return activityName;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getActorId() {
        return actorId;
    }

    public String getActorGroupId() {
        return actorGroupId;
    }

    public String getActorGroupName() {
        return actorGroupName;
    }

    public String getDecision() {
        return decision;
    }

    public String getComment() {
        return comment;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }

    public int getHashVersion() {
        return hashVersion;
    }
}
