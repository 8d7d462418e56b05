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

/** One consultation case (任免征求意见案件) on the head of a dispatched agency. */
@Entity
@Table(name = "appt_case")
public class ConsultationCase {

    public enum Status { OPEN, APPROVED, REJECTED, WITHDRAWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Optimistic locking: two officials changing this at the same moment cannot both succeed (409 for the second). */
    @Version
    private Long version;

    @Column(name = "case_no")
    private String caseNo;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "dept_code")
    private String deptCode;

    @Column(name = "agency_code")
    private String agencyCode;

    @Column(name = "org_code")
    private String orgCode;

    @Enumerated(EnumType.STRING)
    private CadreAction action;

    @Column(name = "candidate_name")
    private String candidateName;

    @Column(name = "position_title")
    private String positionTitle;

    @Enumerated(EnumType.STRING)
    @Column(name = "position_level")
    private PositionLevel positionLevel;

    private String reason;

    @Column(name = "dossier_ref")
    private String dossierRef;

    @Column(name = "previous_head_name")
    private String previousHeadName;

    @Column(name = "consultation_mode")
    private String consultationMode;

    @Column(name = "final_authority")
    private String finalAuthority;

    @Column(name = "reply_days")
    private Integer replyDays;

    @Column(name = "reply_deadline")
    private LocalDateTime replyDeadline;

    @Column(name = "suggestion_no")
    private String suggestionNo;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String outcome;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "closed_at")
    private LocalDateTime closedAt;

    @Column(name = "street_informed_at")
    private LocalDateTime streetInformedAt;

    protected ConsultationCase() {
    }

    ConsultationCase(String caseNo, ConsultationRequest request, String orgCode, String previousHeadName,
            String createdBy, LocalDateTime createdAt) {
        this.caseNo = caseNo;
        this.deptCode = request.deptCode();
        this.agencyCode = request.agencyCode();
        this.orgCode = orgCode;
        this.action = request.action();
        this.candidateName = request.candidateName();
        this.positionTitle = request.positionTitle();
        this.positionLevel = request.positionLevel();
        this.reason = request.reason();
        this.dossierRef = request.dossierRef();
        this.suggestionNo = request.suggestionNo();
        this.previousHeadName = previousHeadName;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.status = Status.OPEN;
    }

    void attachTo(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void applyRule(String mode, String authority, int days, LocalDateTime deadline) {
        this.consultationMode = mode;
        this.finalAuthority = authority;
        this.replyDays = days;
        this.replyDeadline = deadline;
    }

    void extendDeadline(LocalDateTime deadline) {
        this.replyDeadline = deadline;
    }

    void close(Status status, LocalDateTime at) {
        this.status = status;
        this.outcome = status.name();
        this.closedAt = at;
    }

    void streetInformed(LocalDateTime at) {
        this.streetInformedAt = at;
    }

    public Long getId() { return id; }
    public String getCaseNo() { return caseNo; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getDeptCode() { return deptCode; }
    public String getAgencyCode() { return agencyCode; }
    public String getOrgCode() { return orgCode; }
    public CadreAction getAction() { return action; }
    public String getCandidateName() { return candidateName; }
    public String getPositionTitle() { return positionTitle; }
    public PositionLevel getPositionLevel() { return positionLevel; }
    public String getReason() { return reason; }
    public String getDossierRef() { return dossierRef; }
    public String getPreviousHeadName() { return previousHeadName; }
    public String getConsultationMode() { return consultationMode; }
    public String getFinalAuthority() { return finalAuthority; }
    public Integer getReplyDays() { return replyDays; }
    public LocalDateTime getReplyDeadline() { return replyDeadline; }
    public String getSuggestionNo() { return suggestionNo; }
    public Status getStatus() { return status; }
    public String getOutcome() { return outcome; }
    public String getCreatedBy() { return createdBy; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public LocalDateTime getClosedAt() { return closedAt; }
    public LocalDateTime getStreetInformedAt() { return streetInformedAt; }
}
