package cn.streetgov.delegation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A power of the district's catalog (权责清单事项), owned by one department. Reference data. */
@Entity
@Table(name = "dlg_power_item")
public class PowerItem {

    @Id
    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private PowerCategory category;

    @Enumerated(EnumType.STRING)
    private PolicyDomain domain;

    @Column(name = "dept_code")
    private String deptCode;

    @Column(name = "legal_basis")
    private String legalBasis;

    protected PowerItem() {
    }

    public PowerItem(String code, String name, PowerCategory category, PolicyDomain domain, String deptCode,
            String legalBasis) {
        this.code = code;
        this.name = name;
        this.category = category;
        this.domain = domain;
        this.deptCode = deptCode;
        this.legalBasis = legalBasis;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public PowerCategory getCategory() {
        return category;
    }

    public PolicyDomain getDomain() {
        return domain;
    }

    public String getDeptCode() {
        return deptCode;
    }

    public String getLegalBasis() {
        return legalBasis;
    }
}
