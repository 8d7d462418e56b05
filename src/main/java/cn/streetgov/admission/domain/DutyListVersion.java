package cn.streetgov.admission.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One published version of a street's duty list, and the case that changed it. */
@Entity
@Table(name = "duty_list_version")
public class DutyListVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "org_code")
    private String orgCode;

    @Column(name = "list_version")
    private int listVersion;

    @Column(name = "published_at")
    private LocalDateTime publishedAt;

    @Column(name = "case_no")
    private String caseNo;

    @Column(name = "change_note")
    private String changeNote;

    protected DutyListVersion() {
    }

    DutyListVersion(String orgCode, int listVersion, LocalDateTime publishedAt, String caseNo, String changeNote) {
        this.orgCode = orgCode;
        this.listVersion = listVersion;
        this.publishedAt = publishedAt;
        this.caseNo = caseNo;
        this.changeNote = changeNote;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public int getListVersion() {
        return listVersion;
    }

    public LocalDateTime getPublishedAt() {
        return publishedAt;
    }

    public String getCaseNo() {
        return caseNo;
    }

    public String getChangeNote() {
        return changeNote;
    }
}
