package cn.streetgov.delegation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One item x target of a case: the eligibility rule's answer and the target's capacity decision. */
@Entity
@Table(name = "dlg_case_pair")
public class DelegationPair {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "item_code")
    private String itemCode;

    @Column(name = "org_code")
    private String orgCode;

    private boolean eligible;

    @Column(name = "eligibility_reason")
    private String eligibilityReason;

    @Column(name = "legal_review_required")
    private boolean legalReviewRequired;

    @Column(name = "capacity_decision")
    private String capacityDecision;

    protected DelegationPair() {
    }

    public DelegationPair(Long caseId, String itemCode, String orgCode, boolean eligible, String eligibilityReason,
            boolean legalReviewRequired) {
        this.caseId = caseId;
        this.itemCode = itemCode;
        this.orgCode = orgCode;
        this.eligible = eligible;
        this.eligibilityReason = eligibilityReason;
        this.legalReviewRequired = legalReviewRequired;
    }

    void decideCapacity(String decision) {
        this.capacityDecision = decision;
    }

    /** Eligible and not rejected by its target: goes to the catalog if the government approves. */
    public boolean isAccepted() {
        return eligible && capacityDecision != null && !"REJECT".equals(capacityDecision);
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getItemCode() {
        return itemCode;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public boolean isEligible() {
        return eligible;
    }

    public String getEligibilityReason() {
        return eligibilityReason;
    }

    public boolean isLegalReviewRequired() {
        return legalReviewRequired;
    }

    public String getCapacityDecision() {
        return capacityDecision;
    }
}
