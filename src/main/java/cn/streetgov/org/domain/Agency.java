package cn.streetgov.org.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Objects;

/** A dispatched agency (派驻机构): belongs to a department, works in one street/town. */
@Entity
@Table(name = "org_agency")
public class Agency implements Activatable {

    @Id
    private String code;

    private String name;

    @Column(name = "dept_code")
    private String deptCode;

    @Column(name = "org_code")
    private String orgCode;

    @Column(name = "head_name")
    private String headName;

    @Column(name = "head_title")
    private String headTitle;

    @Column(name = "head_since")
    private LocalDate headSince;

    /** False once an administrator deactivated it: kept for the cases that name it, offered for no new work. */
    private boolean active;

    @Version
    private Long version;

    protected Agency() {
    }

    public Agency(String orgCode, String deptCode, String name) {
        this.code = codeOf(orgCode, deptCode);
        this.orgCode = orgCode;
        this.deptCode = deptCode;
        this.name = name;
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

    /** The agency code of CONTRACT.md: {org}-{dept}, e.g. S01-GA. */
    public static String codeOf(String orgCode, String deptCode) {
        return Objects.requireNonNull(orgCode) + "-" + Objects.requireNonNull(deptCode);
    }

    /** Records a new head (任职) or a changed post (调整). */
    public void appointHead(String name, String title, LocalDate since) {
        this.headName = Objects.requireNonNull(name);
        this.headTitle = title;
        this.headSince = since;
    }

    /** Clears the head (免职). */
    public void removeHead() {
        this.headName = null;
        this.headTitle = null;
        this.headSince = null;
    }

    public boolean hasHead() {
        return headName != null;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getDeptCode() {
        return deptCode;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public String getHeadName() {
        return headName;
    }

    public String getHeadTitle() {
        return headTitle;
    }

    public LocalDate getHeadSince() {
        return headSince;
    }

    public boolean isActive() {
        return active;
    }

    public Long getVersion() {
        return version;
    }
}
