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

/**
 * One duty on a street's list (履职清单): on the list from version {@code addedInVersion} up to, not
 * including, {@code removedInVersion} (null while it is on the current list).
 */
@Entity
@Table(name = "duty_item")
public class DutyItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "org_code")
    private String orgCode;

    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private DutyCategory category;

    @Enumerated(EnumType.STRING)
    private DutySource source;

    @Column(name = "case_no")
    private String caseNo;

    @Column(name = "dept_code")
    private String deptCode;

    private int staff;

    @Column(precision = 12, scale = 2)
    private BigDecimal funds;

    private String conditions;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "added_in_version")
    private int addedInVersion;

    @Column(name = "removed_in_version")
    private Integer removedInVersion;

    @Column(name = "removed_case_no")
    private String removedCaseNo;

    protected DutyItem() {
    }

    public DutyItem(String orgCode, String code, String name, DutyCategory category, DutySource source, String caseNo,
            String deptCode, int staff, BigDecimal funds, String conditions, LocalDate validFrom, int addedInVersion) {
        this.orgCode = orgCode;
        this.code = code;
        this.name = name;
        this.category = category;
        this.source = source;
        this.caseNo = caseNo;
        this.deptCode = deptCode;
        this.staff = staff;
        this.funds = funds;
        this.conditions = conditions;
        this.validFrom = validFrom;
        this.addedInVersion = addedInVersion;
    }

    void remove(int version, String caseNo) {
        this.removedInVersion = version;
        this.removedCaseNo = caseNo;
    }

    public boolean inVersion(int version) {
        return addedInVersion <= version && (removedInVersion == null || removedInVersion > version);
    }

    public Long getId() {
        return id;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public DutyCategory getCategory() {
        return category;
    }

    public DutySource getSource() {
        return source;
    }

    public String getCaseNo() {
        return caseNo;
    }

    public String getDeptCode() {
        return deptCode;
    }

    public int getStaff() {
        return staff;
    }

    public BigDecimal getFunds() {
        return funds;
    }

    public String getConditions() {
        return conditions;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public int getAddedInVersion() {
        return addedInVersion;
    }

    public Integer getRemovedInVersion() {
        return removedInVersion;
    }

    public String getRemovedCaseNo() {
        return removedCaseNo;
    }
}
