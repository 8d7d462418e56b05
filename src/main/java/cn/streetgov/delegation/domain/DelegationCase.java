package cn.streetgov.delegation.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A department's proposal to delegate catalog powers to streets/towns (赋权下放申请), the case record. */
@Entity
@Table(name = "dlg_case")
public class DelegationCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Optimistic locking: two officials changing this at the same moment cannot both succeed (409 for the second). */
    @Version
    private Long version;

    @Column(name = "case_no")
    private String caseNo;

    @Column(name = "dept_code")
    private String deptCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "delegation_method")
    private DelegationMethod method;

    @Column(name = "legal_basis")
    private String legalBasis;

    private String reason;

    @Column(name = "staffing_transfer")
    private int staffingTransfer;

    @Column(name = "effective_date")
    private LocalDate effectiveDate;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    @Column(name = "legal_review_required")
    private boolean legalReviewRequired;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "closed_at")
    private LocalDateTime closedAt;

    /** Why the case closed as it did, when its outcome alone does not say (null otherwise). */
    @Column(name = "closing_note")
    private String closingNote;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "dlg_case_item", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "item_code")
    private Set<String> itemCodes = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "dlg_case_target", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "org_code")
    private Set<String> targetOrgCodes = new TreeSet<>();

    protected DelegationCase() {
    }

    public DelegationCase(String caseNo, DelegationProposal proposal, String createdBy, LocalDateTime createdAt) {
        this.caseNo = caseNo;
        this.deptCode = proposal.deptCode();
        this.method = proposal.method();
        this.legalBasis = proposal.legalBasis();
        this.reason = proposal.reason();
        this.staffingTransfer = proposal.staffingTransfer();
        this.effectiveDate = proposal.effectiveDate();
        this.itemCodes.addAll(proposal.itemCodes());
        this.targetOrgCodes.addAll(proposal.targetOrgCodes());
        this.status = CaseStatus.SUBMITTED;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void revise(String legalBasis, String reason, int staffingTransfer, LocalDate effectiveDate) {
        this.legalBasis = legalBasis;
        this.reason = reason;
        this.staffingTransfer = staffingTransfer;
        this.effectiveDate = effectiveDate;
    }

    void close(Outcome outcome, LocalDateTime at) {
        close(outcome, at, null);
    }

    void close(Outcome outcome, LocalDateTime at, String note) {
        this.outcome = outcome;
        this.status = outcome.status();
        this.closedAt = at;
        this.closingNote = note;
    }

    void setStatus(CaseStatus status) {
        this.status = status;
    }

    void setLegalReviewRequired(boolean legalReviewRequired) {
        this.legalReviewRequired = legalReviewRequired;
    }

    void setProcessInstanceId(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Long getId() {
        return id;
    }

    public String getCaseNo() {
        return caseNo;
    }

    public String getDeptCode() {
        return deptCode;
    }

    public DelegationMethod getMethod() {
        return method;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public String getReason() {
        return reason;
    }

    public int getStaffingTransfer() {
        return staffingTransfer;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public CaseStatus getStatus() {
        return status;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public boolean isLegalReviewRequired() {
        return legalReviewRequired;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public LocalDateTime getClosedAt() {
        return closedAt;
    }

    public String getClosingNote() {
        return closingNote;
    }

    public List<String> getItemCodes() {
        return List.copyOf(new TreeSet<>(itemCodes));
    }

    public List<String> getTargetOrgCodes() {
        return List.copyOf(new TreeSet<>(targetOrgCodes));
    }
}
