package cn.streetgov.whistle.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A notification sent to a group, e.g. the escalation of a late report to the department. */
@Entity
@Table(name = "whistle_notification")
public class WhistleNotification {

    public static final String KIND_LATE_REPORT = "LATE_REPORT";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "summons_id")
    private Long summonsId;

    private String kind;

    @Column(name = "recipient_group")
    private String recipientGroup;

    private String message;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected WhistleNotification() {
    }

    WhistleNotification(Long caseId, Long summonsId, String kind, String recipientGroup, String message,
            LocalDateTime createdAt) {
        this.caseId = caseId;
        this.summonsId = summonsId;
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

    public Long getSummonsId() {
        return summonsId;
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
