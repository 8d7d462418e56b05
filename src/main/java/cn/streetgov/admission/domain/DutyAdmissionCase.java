package cn.streetgov.admission.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A department's application to hand a duty or recurring task to streets (事权事务准入). */
@Entity
@Table(name = "duty_admission_case")
public class DutyAdmissionCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_no")
    private String caseNo;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "dept_code")
    private String deptCode;

    private String name;

    private String description;

    @Enumerated(EnumType.STRING)
    private DutyCategory category;

    @Column(name = "legal_basis")
    private String legalBasis;

    private int staff;

    @Column(precision = 12, scale = 2)
    private BigDecimal funds;

    @Column(name = "start_date")
    private LocalDate startDate;

    private String reason;

    @Enumerated(EnumType.STRING)
    private AdmissionStatus status;

    @Column(name = "rule_item")
    private String ruleItem;

    @Column(name = "rule_reason")
    private String ruleReason;

    private String decision;

    @Column(name = "decision_comment")
    private String decisionComment;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private LocalDateTime decidedAt;

    @Column(name = "started_by")
    private String startedBy;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "closed_at")
    private LocalDateTime closedAt;

    protected DutyAdmissionCase() {
    }

    DutyAdmissionCase(String caseNo, String processInstanceId, String deptCode, String name, String description,
            DutyCategory category, String legalBasis, int staff, BigDecimal funds, LocalDate startDate, String reason,
            String startedBy, LocalDateTime createdAt) {
        this.caseNo = caseNo;
        this.processInstanceId = processInstanceId;
        this.deptCode = deptCode;
        this.name = name;
        this.description = description;
        this.category = category;
        this.legalBasis = legalBasis;
        this.staff = staff;
        this.funds = funds;
        this.startDate = startDate;
        this.reason = reason;
        this.startedBy = startedBy;
        this.createdAt = createdAt;
        this.status = AdmissionStatus.CHECKING;
    }

    void refuseByRules(String item, String reason, LocalDateTime at) {
        this.ruleItem = item;
        this.ruleReason = reason;
        close(AdmissionStatus.REFUSED_BY_RULES, at);
    }

    void decide(String decision, String comment, String userId, LocalDateTime at) {
        this.decision = decision;
        this.decisionComment = comment;
        this.decidedBy = userId;
        this.decidedAt = at;
    }

    void moveTo(AdmissionStatus status) {
        this.status = status;
    }

    void close(AdmissionStatus status, LocalDateTime at) {
        this.status = status;
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

    public String getDeptCode() {
        return deptCode;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public DutyCategory getCategory() {
        return category;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public int getStaff() {
        return staff;
    }

    public BigDecimal getFunds() {
        return funds;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public String getReason() {
        return reason;
    }

    public AdmissionStatus getStatus() {
        return status;
    }

    public String getRuleItem() {
        return ruleItem;
    }

    public String getRuleReason() {
        return ruleReason;
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

    public LocalDateTime getDecidedAt() {
        return decidedAt;
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
