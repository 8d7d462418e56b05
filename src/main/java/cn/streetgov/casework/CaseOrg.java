package cn.streetgov.casework;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An organisation a case belongs to, one row of {@code case_index_org} (with the case's start, so that a
 * search by organisation pages newest first from one index). Equal by the organisation's code.
 */
@Embeddable
public class CaseOrg {

    @Column(name = "org_code")
    private String orgCode;

    @JdbcTypeCode(SqlTypes.TIMESTAMP_UTC)
    @Column(name = "started_at")
    private Instant startedAt;

    protected CaseOrg() {
    }

    CaseOrg(String orgCode, Instant startedAt) {
        this.orgCode = orgCode;
        this.startedAt = startedAt;
    }

    public String getOrgCode() {
        return orgCode;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CaseOrg o && Objects.equals(orgCode, o.orgCode);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(orgCode);
    }
}
