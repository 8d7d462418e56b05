package cn.streetgov.org.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A street (街道) or town (镇) of the district. */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

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

    protected OrgUnit() {
    }

    public OrgUnit(String code, String name, String districtCode, UnitType type, boolean central) {
        this.code = code;
        this.name = name;
        this.districtCode = districtCode;
        this.type = type;
        this.central = central;
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

    /** The short name used in agency names: 东华街道 → 东华, 青山镇 → 青山. */
    public String shortName() {
        String suffix = type.label();
        return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }
}
