package cn.streetgov.approval;

import cn.streetgov.casework.CaseEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person added to a task as an approver (加签), and what became of it. */
@Entity
@Table(name = "case_sign")
class CaseSign extends CaseEntry {

    enum Position {
        /** signs first; the holder decides after (前加签) */
        BEFORE("前加签"),
        /** the holder signs now; the added approver then decides the task (后加签) */
        AFTER("后加签"),
        /** signs alongside the holder; the task moves on when all have signed (并行加签) */
        PARALLEL("并行加签");

        private final String label;

        Position(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    @Column(name = "parent_task_id")
    private String parentTaskId;

    @Column(name = "sign_task_id")
    private String signTaskId;

    @Column(name = "step_name")
    private String stepName;

    @Enumerated(EnumType.STRING)
    @Column(name = "sign_position")
    private Position position;

    @Column(name = "signer_user")
    private String signerUser;

    @Column(name = "added_by")
    private String addedBy;

    private String reason;

    @JdbcTypeCode(SqlTypes.TIMESTAMP_UTC)
    @Column(name = "added_at")
    private Instant addedAt;

    @JdbcTypeCode(SqlTypes.TIMESTAMP_UTC)
    @Column(name = "signed_at")
    private Instant signedAt;

    private Boolean agree;

    private String opinion;

    @JdbcTypeCode(SqlTypes.TIMESTAMP_UTC)
    @Column(name = "removed_at")
    private Instant removedAt;

    protected CaseSign() {
    }

    CaseSign(CaseRef ref, String parentTaskId, String signTaskId, String stepName, Position position,
            String signerUser, String addedBy, String reason, Instant addedAt) {
        super(ref.caseNo(), ref.processInstanceId());
        this.parentTaskId = parentTaskId;
        this.signTaskId = signTaskId;
        this.stepName = stepName;
        this.position = position;
        this.signerUser = signerUser;
        this.addedBy = addedBy;
        this.reason = reason;
        this.addedAt = addedAt;
    }

    boolean isOpen() {
        return signedAt == null && removedAt == null;
    }

    void signed(boolean agree, String opinion, Instant at) {
        this.agree = agree;
        this.opinion = opinion;
        this.signedAt = at;
    }

    void removed(Instant at) {
        this.removedAt = at;
    }

    String getParentTaskId() {
        return parentTaskId;
    }

    String getSignTaskId() {
        return signTaskId;
    }

    String getStepName() {
        return stepName;
    }

    Position getPosition() {
        return position;
    }

    String getSignerUser() {
        return signerUser;
    }

    String getAddedBy() {
        return addedBy;
    }

    Instant getSignedAt() {
        return signedAt;
    }

    Instant getRemovedAt() {
        return removedAt;
    }
}
