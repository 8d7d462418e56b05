package cn.streetgov.org.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** 区: the district whose departments hand powers down to its streets and towns. */
@Entity
@Table(name = "org_district")
public class District {

    @Id
    private String code;

    private String name;

    @Version
    private Long version;

    protected District() {
    }

    public District(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public void rename(String name) {
        this.name = name;
    }

    public Long getVersion() {
        return version;
    }
}
