package cn.streetgov.whistle.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.LocalDateTime;

/** One department summoned by a whistle (部门报到): where it was routed, its deadline, its report. */
@Entity
@Table(name = "whistle_summons")
public class WhistleSummons {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "org_code")
    private String orgCode;

    @Column(name = "dept_code")
    private String deptCode;

    @Column(name = "agency_code")
    private String agencyCode;

    @Column(name = "routed_group")
    private String routedGroup;

    @Column(name = "summoned_at")
    private LocalDateTime summonedAt;

    private LocalDateTime deadline;

    @Column(name = "reported_at")
    private LocalDateTime reportedAt;

    @Column(name = "report_minutes")
    private Integer reportMinutes;

    private boolean late;

    @Column(name = "escalated_at")
    private LocalDateTime escalatedAt;

    @Column(name = "report_note")
    private String reportNote;

    @Column(name = "reported_by")
    private String reportedBy;

    /** Copy of the case's satisfaction, for the figures per agency. */
    private Integer satisfaction;

    private String origin = ORIGIN_STREET;

    protected WhistleSummons() {
    }

    public static final String ORIGIN_RULE = "RULE";
    public static final String ORIGIN_STREET = "STREET";
    public static final String ORIGIN_ADDED = "ADDED";

    WhistleSummons(Long caseId, String orgCode, String deptCode, String agencyCode, String routedGroup,
            LocalDateTime summonedAt) {
        this.caseId = caseId;
        this.orgCode = orgCode;
        this.deptCode = deptCode;
        this.agencyCode = agencyCode;
        this.routedGroup = routedGroup;
        this.summonedAt = summonedAt;
    }

    /** How the department came to be summoned: RULE (whistle-routing.dmn), STREET (the street's choice), ADDED (加签 mid-case). */
    void setOrigin(String origin) {
        this.origin = origin;
    }

    public String getOrigin() {
        return origin;
    }

    void setDeadline(LocalDateTime deadline) {
        this.deadline = deadline;
    }

    /** The deadline passed without a report: late, and escalated to the department. */
    void escalate(LocalDateTime at) {
        this.late = true;
        this.escalatedAt = at;
    }

    void report(String note, String by, LocalDateTime at) {
        this.reportNote = note;
        this.reportedBy = by;
        this.reportedAt = at;
        this.reportMinutes = (int) Duration.between(summonedAt, at).toMinutes();
        if (deadline != null && at.isAfter(deadline)) {
            this.late = true;
        }
    }

    /**
     * The street returned the report (or the department withdrew it): it is due again by the new
     * deadline. The time to report keeps counting from the summons, and a report that was late stays late.
     */
    void reopen(LocalDateTime newDeadline) {
        this.reportedAt = null;
        this.reportMinutes = null;
        this.deadline = newDeadline;
    }

    void recordSatisfaction(int satisfaction) {
        this.satisfaction = satisfaction;
    }

    public Integer getSatisfaction() {
        return satisfaction;
    }

    public boolean isReported() {
        return reportedAt != null;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public String getDeptCode() {
        return deptCode;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public String getRoutedGroup() {
        return routedGroup;
    }

    public LocalDateTime getSummonedAt() {
        return summonedAt;
    }

    public LocalDateTime getDeadline() {
        return deadline;
    }

    public LocalDateTime getReportedAt() {
        return reportedAt;
    }

    public Integer getReportMinutes() {
        return reportMinutes;
    }

    public boolean isLate() {
        return late;
    }

    public LocalDateTime getEscalatedAt() {
        return escalatedAt;
    }

    public String getReportNote() {
        return reportNote;
    }

    public String getReportedBy() {
        return reportedBy;
    }
}
