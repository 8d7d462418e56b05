package cn.streetgov.delegation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A reminder sent to a group before a deadline of a case. */
@Entity
@Table(name = "dlg_notification")
public class DelegationNotification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    private String kind;

    @Column(name = "recipient_group")
    private String recipientGroup;

    private String message;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected DelegationNotification() {
    }

    public DelegationNotification(Long caseId, String kind, String recipientGroup, String message, LocalDateTime createdAt) {
        this.caseId = caseId;
        this.kind = kind;
        this.recipientGroup = recipientGroup;
        this.message = message;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getKind() {
        return kind;
    }

    public String getRecipientGroup() {
        return recipientGroup;
    }

    public String getMessage() {
        return message;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }
}
