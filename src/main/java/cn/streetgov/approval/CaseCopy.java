package cn.streetgov.approval;

import cn.streetgov.casework.CaseEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A case copied to one person for information (抄送), and when they read it (已阅). */
@Entity
@Table(name = "case_copy")
class CaseCopy extends CaseEntry {

    @Column(name = "process_key")
    private String processKey;

    @Column(name = "task_id")
    private String taskId;

    @Column(name = "step_name")
    private String stepName;

    @Column(name = "sender_user")
    private String senderUser;

    @Column(name = "recipient_user")
    private String recipientUser;

    /** The group the copy was sent to, when it reached this person as a member of it. */
    @Column(name = "via_group")
    private String viaGroup;

    private String note;

    @JdbcTypeCode(SqlTypes.TIMESTAMP_UTC)
    @Column(name = "copied_at")
    private Instant copiedAt;

    @JdbcTypeCode(SqlTypes.TIMESTAMP_UTC)
    @Column(name = "read_at")
    private Instant readAt;

    protected CaseCopy() {
    }

    CaseCopy(CaseRef ref, String taskId, String stepName, String senderUser, String recipientUser, String viaGroup,
            String note, Instant copiedAt) {
        super(ref.caseNo(), ref.processInstanceId());
        this.processKey = ref.processKey();
        this.taskId = taskId;
        this.stepName = stepName;
        this.senderUser = senderUser;
        this.recipientUser = recipientUser;
        this.viaGroup = viaGroup;
        this.note = note;
        this.copiedAt = copiedAt;
    }

    /** Marks it read; false when it was read already. */
    boolean markRead(Instant now) {
        if (readAt != null) {
            return false;
        }
        readAt = now;
        return true;
    }

    String getProcessKey() {
        return processKey;
    }

    String getTaskId() {
        return taskId;
    }

    String getStepName() {
        return stepName;
    }

    String getSenderUser() {
        return senderUser;
    }

    String getRecipientUser() {
        return recipientUser;
    }

    String getViaGroup() {
        return viaGroup;
    }

    String getNote() {
        return note;
    }

    Instant getCopiedAt() {
        return copiedAt;
    }

    Instant getReadAt() {
        return readAt;
    }
}
