package cn.streetgov.org.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A functional department of the district (职能部门). */
@Entity
@Table(name = "org_department")
public class Department {

    @Id
    private String code;

    private String name;

    @Column(name = "district_code")
    private String districtCode;

    protected Department() {
    }

    public Department(String code, String name, String districtCode) {
        this.code = code;
        this.name = name;
        this.districtCode = districtCode;
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
}
