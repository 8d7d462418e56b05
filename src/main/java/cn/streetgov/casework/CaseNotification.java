package cn.streetgov.casework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A notification sent about a case (one table for every workflow). */
@Entity
@Table(name = "case_notification")
public class CaseNotification extends CaseEntry {

    @Enumerated(EnumType.STRING)
    private NoticeKind kind;

    @Column(name = "recipient_group")
    private String recipientGroup;

    @Column(name = "recipient_user")
    private String recipientUser;

    private String message;

    @JdbcTypeCode(SqlTypes.TIMESTAMP_UTC)
    @Column(name = "created_at")
    private Instant createdAt;

    protected CaseNotification() {
    }

    CaseNotification(Notice notice, Instant createdAt) {
        super(notice.caseNo(), notice.processInstanceId());
        this.kind = notice.kind();
        this.recipientGroup = notice.recipientGroup();
        this.recipientUser = notice.recipientUser();
        this.message = notice.message();
        this.createdAt = createdAt;
    }

    public NoticeKind getKind() {
        return kind;
    }

    public String getRecipientGroup() {
        return recipientGroup;
    }

    public String getRecipientUser() {
        return recipientUser;
    }

    /** The group or the user the notice went to. */
    public String getRecipient() {
        return recipientGroup != null ? recipientGroup : recipientUser;
    }

    public String getMessage() {
        return message;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
