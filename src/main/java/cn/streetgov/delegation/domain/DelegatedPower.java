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
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A catalog power delegated to one street/town (the public catalog 赋权目录), ACTIVE until revoked.
 * At most one row per item x street/town is ACTIVE: the table's generated column {@code in_force_key}
 * (item@org while ACTIVE, null when revoked) carries a unique index.
 */
@Entity
@Table(name = "dlg_delegated_power")
public class DelegatedPower {

    public enum Status { ACTIVE, REVOKED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Optimistic locking: two officials changing this at the same moment cannot both succeed (409 for the second). */
    @Version
    private Long version;

    @Column(name = "item_code")
    private String itemCode;

    @Column(name = "org_code")
    private String orgCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "delegation_method")
    private DelegationMethod method;

    @Column(name = "effective_date")
    private LocalDate effectiveDate;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "published_at")
    private LocalDateTime publishedAt;

    @Column(name = "revoked_at")
    private LocalDateTime revokedAt;

    @Column(name = "revocation_id")
    private Long revocationId;

    protected DelegatedPower() {
    }

    public DelegatedPower(String itemCode, String orgCode, DelegationMethod method, LocalDate effectiveDate,
            Long caseId, LocalDateTime publishedAt) {
        this.itemCode = itemCode;
        this.orgCode = orgCode;
        this.method = method;
        this.effectiveDate = effectiveDate;
        this.caseId = caseId;
        this.publishedAt = publishedAt;
        this.status = Status.ACTIVE;
    }

    /** Takes the power out of force; a power already revoked keeps its first revocation. */
    boolean revoke(Long revocationId, LocalDateTime at) {
        if (status == Status.REVOKED) {
            return false;
        }
        this.status = Status.REVOKED;
        this.revocationId = revocationId;
        this.revokedAt = at;
        return true;
    }

    /** In force on {@code day}: effective date reached and not revoked. */
    public boolean inForceOn(LocalDate day) {
        return status == Status.ACTIVE && !effectiveDate.isAfter(day);
    }

    public Long getId() {
        return id;
    }

    public String getItemCode() {
        return itemCode;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public DelegationMethod getMethod() {
        return method;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public Status getStatus() {
        return status;
    }

    public Long getCaseId() {
        return caseId;
    }

    public LocalDateTime getPublishedAt() {
        return publishedAt;
    }

    public LocalDateTime getRevokedAt() {
        return revokedAt;
    }

    public Long getRevocationId() {
        return revocationId;
    }
}
