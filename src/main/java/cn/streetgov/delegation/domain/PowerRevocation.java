package cn.streetgov.delegation.domain;

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

/** A department's request to take a delegated power back (收回赋权) and the government's decision. */
@Entity
@Table(name = "dlg_revocation")
public class PowerRevocation {

    public enum Status { REQUESTED, REVOKED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Optimistic locking: two officials changing this at the same moment cannot both succeed (409 for the second). */
    @Version
    private Long version;

    @Column(name = "revocation_no")
    private String revocationNo;

    @Column(name = "delegated_power_id")
    private Long delegatedPowerId;

    @Column(name = "dept_code")
    private String deptCode;

    private String reason;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "requested_at")
    private LocalDateTime requestedAt;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String decision;

    @Column(name = "decision_comment")
    private String decisionComment;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_org")
    private String decidedOrg;

    @Column(name = "decided_at")
    private LocalDateTime decidedAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected PowerRevocation() {
    }

    public PowerRevocation(String revocationNo, Long delegatedPowerId, String deptCode, String reason, String requestedBy,
            LocalDateTime requestedAt) {
        this.revocationNo = revocationNo;
        this.delegatedPowerId = delegatedPowerId;
        this.deptCode = deptCode;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = Status.REQUESTED;
    }

    void decide(String decision, String comment, String decidedBy, String decidedOrg, LocalDateTime at) {
        this.decision = decision;
        this.decisionComment = comment;
        this.decidedBy = decidedBy;
        this.decidedOrg = decidedOrg;
        this.decidedAt = at;
        if (!"APPROVE".equals(decision)) {
            this.status = Status.REJECTED;
        }
    }

    void markRevoked() {
        this.status = Status.REVOKED;
    }

    void setProcessInstanceId(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Long getId() {
        return id;
    }

    public String getRevocationNo() {
        return revocationNo;
    }

    public Long getDelegatedPowerId() {
        return delegatedPowerId;
    }

    public String getDeptCode() {
        return deptCode;
    }

    public String getReason() {
        return reason;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public LocalDateTime getRequestedAt() {
        return requestedAt;
    }

    public Status getStatus() {
        return status;
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

    public String getDecidedOrg() {
        return decidedOrg;
    }

    public LocalDateTime getDecidedAt() {
        return decidedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
