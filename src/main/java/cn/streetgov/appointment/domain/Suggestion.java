package cn.streetgov.appointment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/**
 * A street committee's suggestion (建议) on the head of an agency stationed in its area, or its
 * proposal of the holder of one of its own posts ({@link StreetPost#isStreetOwn()}: no agency; the
 * competent department consents, the organisation department approves).
 */
@Entity
@Table(name = "appt_suggestion")
public class Suggestion {

    public enum Status { OPEN, ACCEPTED, DECLINED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Optimistic locking: two officials changing this at the same moment cannot both succeed (409 for the second). */
    @Version
    private Long version;

    @Column(name = "suggestion_no")
    private String suggestionNo;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "org_code")
    private String orgCode;

    @Column(name = "agency_code")
    private String agencyCode;

    @Column(name = "dept_code")
    private String deptCode;

    @Enumerated(EnumType.STRING)
    private CadreAction action;

    private String reason;

    @Column(name = "suggested_by")
    private String suggestedBy;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "answer_deadline")
    private LocalDateTime answerDeadline;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "answer_comment")
    private String answerComment;

    @Column(name = "answered_by")
    private String answeredBy;

    @Column(name = "answered_at")
    private LocalDateTime answeredAt;

    @Column(name = "case_no")
    private String caseNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "post_type")
    private StreetPost postType = StreetPost.AGENCY_HEAD;

    @Column(name = "candidate_name")
    private String candidateName;

    @Column(name = "consent_comment")
    private String consentComment;

    @Column(name = "consented_by")
    private String consentedBy;

    @Column(name = "consented_at")
    private LocalDateTime consentedAt;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "approved_at")
    private LocalDateTime approvedAt;

    protected Suggestion() {
    }

    Suggestion(String suggestionNo, String orgCode, String agencyCode, String deptCode, CadreAction action,
            String reason, String suggestedBy, LocalDateTime createdAt, LocalDateTime answerDeadline) {
        this.suggestionNo = suggestionNo;
        this.orgCode = orgCode;
        this.agencyCode = agencyCode;
        this.deptCode = deptCode;
        this.action = action;
        this.reason = reason;
        this.suggestedBy = suggestedBy;
        this.createdAt = createdAt;
        this.answerDeadline = answerDeadline;
        this.status = Status.OPEN;
    }

    /** A proposal of the holder of a street's own post (no agency). */
    static Suggestion nomination(String suggestionNo, String orgCode, StreetPost post, String deptCode,
            CadreAction action, String candidateName, String reason, String suggestedBy, LocalDateTime createdAt,
            LocalDateTime answerDeadline) {
        Suggestion s = new Suggestion(suggestionNo, orgCode, null, deptCode, action, reason, suggestedBy, createdAt,
                answerDeadline);
        s.postType = post;
        s.candidateName = candidateName;
        return s;
    }

    /** The competent department consents to the street's candidate (the organisation department decides next). */
    void consent(String comment, String by, LocalDateTime at) {
        this.consentComment = comment;
        this.consentedBy = by;
        this.consentedAt = at;
    }

    /** The organisation department approves the street's candidate. */
    void approve(String comment, String by, LocalDateTime at) {
        answer(Status.ACCEPTED, comment, by, at);
        this.approvedBy = by;
        this.approvedAt = at;
    }

    void attachTo(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void answer(Status status, String comment, String by, LocalDateTime at) {
        this.status = status;
        this.answerComment = comment;
        this.answeredBy = by;
        this.answeredAt = at;
    }

    void setAnswerDeadline(LocalDateTime answerDeadline) {
        this.answerDeadline = answerDeadline;
    }

    void resultedIn(String caseNo) {
        this.caseNo = caseNo;
    }

    public Long getId() { return id; }
    public String getSuggestionNo() { return suggestionNo; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getOrgCode() { return orgCode; }
    public String getAgencyCode() { return agencyCode; }
    public String getDeptCode() { return deptCode; }
    public CadreAction getAction() { return action; }
    public String getReason() { return reason; }
    public String getSuggestedBy() { return suggestedBy; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public LocalDateTime getAnswerDeadline() { return answerDeadline; }
    public Status getStatus() { return status; }
    public String getAnswerComment() { return answerComment; }
    public String getAnsweredBy() { return answeredBy; }
    public LocalDateTime getAnsweredAt() { return answeredAt; }
    public String getCaseNo() { return caseNo; }
    public StreetPost getPostType() { return postType; }
    public String getCandidateName() { return candidateName; }
    public String getConsentComment() { return consentComment; }
    public String getConsentedBy() { return consentedBy; }
    public LocalDateTime getConsentedAt() { return consentedAt; }
    public String getApprovedBy() { return approvedBy; }
    public LocalDateTime getApprovedAt() { return approvedAt; }
    public boolean isNomination() { return postType.isStreetOwn(); }
}
