package cn.streetgov.appointment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A reminder or notice sent to an organisation (group) about a case or a suggestion. */
@Entity
@Table(name = "appt_notification")
public class AppointmentNotification {

    public enum Kind { REMINDER, REPLY_OVERDUE, STREET_INFORMED, SUGGESTION_OVERDUE, SUGGESTION_DECLINED, SUGGESTION_ACCEPTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "suggestion_id")
    private Long suggestionId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Column(name = "recipient_group")
    private String recipientGroup;

    private String message;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected AppointmentNotification() {
    }

    AppointmentNotification(Long caseId, Long suggestionId, Kind kind, String recipientGroup, String message,
            LocalDateTime createdAt) {
        this.caseId = caseId;
        this.suggestionId = suggestionId;
        this.kind = kind;
        this.recipientGroup = recipientGroup;
        this.message = message;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Long getSuggestionId() { return suggestionId; }
    public Kind getKind() { return kind; }
    public String getRecipientGroup() { return recipientGroup; }
    public String getMessage() { return message; }
    public LocalDateTime getCreatedAt() { return createdAt; }
}
