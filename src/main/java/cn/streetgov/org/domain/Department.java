package cn.streetgov.org.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A functional department of the district (职能部门). */
@Entity
@Table(name = "org_department")
public class Department implements Activatable {

    @Id
    private String code;

    private String name;

    @Column(name = "district_code")
    private String districtCode;

    /** False once an administrator deactivated it: kept for the cases that name it, offered for no new work. */
    private boolean active;

    @Version
    private Long version;

    protected Department() {
    }

    public Department(String code, String name, String districtCode) {
        this.code = code;
        this.name = name;
        this.districtCode = districtCode;
        this.active = true;
    }

    public void rename(String name) {
        this.name = name;
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

    public boolean isActive() {
        return active;
    }

    public Long getVersion() {
        return version;
    }
}
