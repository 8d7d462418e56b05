package cn.streetgov.org.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A street (街道) or town (镇) of the district. */
@Entity
@Table(name = "org_unit")
public class OrgUnit implements Activatable {

    @Id
    private String code;

    private String name;

    @Column(name = "district_code")
    private String districtCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "unit_type")
    private UnitType type;

    /** Central-city streets take street powers only; others are treated like towns. */
    private boolean central;

    /** False once an administrator deactivated it: kept for the cases that name it, offered for no new work. */
    private boolean active;

    @Version
    private Long version;

    protected OrgUnit() {
    }

    public OrgUnit(String code, String name, String districtCode, UnitType type, boolean central) {
        this.code = code;
        this.name = name;
        this.districtCode = districtCode;
        this.type = type;
        this.central = central;
        this.active = true;
    }

    /** An administrator's change of name, type or centrality (the code never changes). */
    public void change(String name, UnitType type, boolean central) {
        this.name = name;
        this.type = type;
        this.central = central;
    }

    public void deactivate() {
        this.active = false;
    }

    public void reactivate() {
        this.active = true;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getDistrictCode() {
        return districtCode;
    }

    public UnitType getType() {
        return type;
    }

    public boolean isCentral() {
        return central;
    }

    public boolean isActive() {
        return active;
    }

    public Long getVersion() {
        return version;
    }

    /** The short name used in agency names: 东华街道 → 东华, 青山镇 → 青山. */
    public String shortName() {
        String suffix = type.label();
        return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }
}
