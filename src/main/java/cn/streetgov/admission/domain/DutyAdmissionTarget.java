package cn.streetgov.admission.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One target street/town of an application: its committee's opinion and the result for it. */
@Entity
@Table(name = "duty_admission_target")
public class DutyAdmissionTarget {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "org_code")
    private String orgCode;

    @Enumerated(EnumType.STRING)
    private TargetStatus status;

    private String opinion;

    @Column(name = "opinion_comment")
    private String opinionComment;

    @Column(name = "opinion_by")
    private String opinionBy;

    @Column(name = "opinion_at")
    private LocalDateTime opinionAt;

    @Column(name = "duty_code")
    private String dutyCode;

    protected DutyAdmissionTarget() {
    }

    DutyAdmissionTarget(Long caseId, String orgCode) {
        this.caseId = caseId;
        this.orgCode = orgCode;
        this.status = TargetStatus.PENDING;
    }

    void opinion(String opinion, String comment, String userId, LocalDateTime at) {
        this.opinion = opinion;
        this.opinionComment = comment;
        this.opinionBy = userId;
        this.opinionAt = at;
        this.status = TargetStatus.valueOf(opinion);
    }

    void moveTo(TargetStatus status) {
        this.status = status;
    }

    void admitted(String dutyCode) {
        this.dutyCode = dutyCode;
        this.status = TargetStatus.ADMITTED;
    }

    void alreadyListed(String dutyCode) {
        this.dutyCode = dutyCode;
        this.status = TargetStatus.ALREADY_LISTED;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public TargetStatus getStatus() {
        return status;
    }

    public String getOpinion() {
        return opinion;
    }

    public String getOpinionComment() {
        return opinionComment;
    }

    public String getOpinionBy() {
        return opinionBy;
    }

    public LocalDateTime getOpinionAt() {
        return opinionAt;
    }

    public String getDutyCode() {
        return dutyCode;
    }
}
