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

/** A street's request to hand back a duty of its list that it cannot carry (退出). */
@Entity
@Table(name = "duty_exit_case")
public class DutyExitCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_no")
    private String caseNo;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "org_code")
    private String orgCode;

    @Column(name = "duty_code")
    private String dutyCode;

    @Column(name = "duty_name")
    private String dutyName;

    @Column(name = "dept_code")
    private String deptCode;

    private String reason;

    @Enumerated(EnumType.STRING)
    private ExitStatus status;

    @Column(name = "dept_opinion")
    private String deptOpinion;

    @Column(name = "dept_comment")
    private String deptComment;

    private String decision;

    @Column(name = "decision_comment")
    private String decisionComment;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "started_by")
    private String startedBy;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "closed_at")
    private LocalDateTime closedAt;

    protected DutyExitCase() {
    }

    DutyExitCase(String caseNo, String processInstanceId, String orgCode, String dutyCode, String dutyName,
            String deptCode, String reason, String startedBy, LocalDateTime createdAt) {
        this.caseNo = caseNo;
        this.processInstanceId = processInstanceId;
        this.orgCode = orgCode;
        this.dutyCode = dutyCode;
        this.dutyName = dutyName;
        this.deptCode = deptCode;
        this.reason = reason;
        this.startedBy = startedBy;
        this.createdAt = createdAt;
        this.status = ExitStatus.DEPT_OPINION;
    }

    void deptOpinion(String opinion, String comment) {
        this.deptOpinion = opinion;
        this.deptComment = comment;
        this.status = ExitStatus.DECISION;
    }

    void decide(String decision, String comment, String userId, ExitStatus status, LocalDateTime at) {
        this.decision = decision;
        this.decisionComment = comment;
        this.decidedBy = userId;
        this.status = status;
        if (status == ExitStatus.REJECTED) {
            this.closedAt = at;
        }
    }

    void reopen(ExitStatus status) {
        this.status = status;
        this.closedAt = null;
    }

    void exited(LocalDateTime at) {
        this.status = ExitStatus.EXITED;
        this.closedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getCaseNo() {
        return caseNo;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public String getDutyCode() {
        return dutyCode;
    }

    public String getDutyName() {
        return dutyName;
    }

    public String getDeptCode() {
        return deptCode;
    }

    public String getReason() {
        return reason;
    }

    public ExitStatus getStatus() {
        return status;
    }

    public String getDeptOpinion() {
        return deptOpinion;
    }

    public String getDeptComment() {
        return deptComment;
    }

    public String getDecision() {
        return decision;
    }

    public String getDecisionComment() {
        return decisionComment;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public LocalDateTime getClosedAt() {
        return closedAt;
    }
}
