package cn.streetgov.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The head of a case's audit chain: the seq and hash of its last record, sealed with the audit key
 * and updated in the transaction of every append. A trail shorter than its head had its last
 * records deleted.
 */
@Entity
@Table(name = "audit_chain_head")
class AuditChainHead {

    @Id
    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "last_seq")
    private int lastSeq;

    @Column(name = "last_hash")
    private String lastHash;

    @JdbcTypeCode(SqlTypes.TIMESTAMP_UTC)
    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "head_hash")
    private String headHash;

    protected AuditChainHead() {
    }

    AuditChainHead(AuditRecord first, AuditSeal seal) {
        this.processInstanceId = first.getProcessInstanceId();
        advance(first, seal);
    }

    /** Moves the head to {@code last}, the record just appended. */
    void advance(AuditRecord last, AuditSeal seal) {
        this.lastSeq = last.getSeq();
        this.lastHash = last.getHash();
        this.updatedAt = last.getOccurredAt();
        this.headHash = seal.sign(content());
    }

    CanonicalFields content() {
        return new CanonicalFields("streetgov/audit-chain-head").add(processInstanceId).add(lastSeq).add(lastHash)
                .add(updatedAt == null ? null : Long.toString(updatedAt.toEpochMilli()));
    }

    boolean sealedBy(AuditSeal seal) {
        return seal.matches(content(), headHash);
    }

    String getProcessInstanceId() {
        return processInstanceId;
    }

    int getLastSeq() {
        return lastSeq;
    }

    String getLastHash() {
        return lastHash;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
