package cn.streetgov.whistle.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/** A whistle blown by a street/town office (吹哨): the business record of one case. */
@Entity
@Table(name = "whistle_case")
public class WhistleCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Optimistic locking: two officials changing this at the same moment cannot both succeed (409 for the second). */
    @Version
    private Long version;

    @Column(name = "case_no")
    private String caseNo;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "org_code")
    private String orgCode;

    private String summary;

    private String location;

    @Enumerated(EnumType.STRING)
    private Urgency urgency;

    @Column(name = "report_minutes")
    private Integer reportMinutes;

    @Column(name = "handling_minutes")
    private Integer handlingMinutes;

    @Column(name = "report_deadline")
    private LocalDateTime reportDeadline;

    @Column(name = "handling_deadline")
    private LocalDateTime handlingDeadline;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    @Column(name = "reopen_count")
    private int reopenCount;

    private Integer satisfaction;

    private String outcome;

    @Column(name = "started_by")
    private String startedBy;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "closed_at")
    private LocalDateTime closedAt;

    @Enumerated(EnumType.STRING)
    private WhistleSource source = WhistleSource.PATROL;

    @Column(name = "hotline_ticket_no")
    private String hotlineTicketNo;

    @Enumerated(EnumType.STRING)
    private WhistleCategory category = WhistleCategory.OTHER;

    /** Why the street summoned other departments than the routing rule gives (null when it followed the rule). */
    @Column(name = "routing_reason")
    private String routingReason;

    @Column(name = "stop_first")
    private boolean stopFirst;

    @Column(name = "dissuade_note")
    private String dissuadeNote;

    @Column(name = "dissuaded_at")
    private LocalDateTime dissuadedAt;

    protected WhistleCase() {
    }

    WhistleCase(String caseNo, String processInstanceId, String orgCode, String summary, String location,
            Urgency urgency, String startedBy, LocalDateTime createdAt) {
        this.caseNo = caseNo;
        this.processInstanceId = processInstanceId;
        this.orgCode = orgCode;
        this.summary = summary;
        this.location = location;
        this.urgency = urgency;
        this.startedBy = startedBy;
        this.createdAt = createdAt;
        this.status = CaseStatus.REPORTING;
    }

    /**
     * Deadlines counted from the whistle, in whole seconds (the engine keeps due dates and timers
     * in whole seconds on MySQL/MariaDB, so the task, the timer and this record agree exactly).
     */
    void applySla(int reportMinutes, int handlingMinutes) {
        this.reportMinutes = reportMinutes;
        this.handlingMinutes = handlingMinutes;
        LocalDateTime from = createdAt.truncatedTo(ChronoUnit.SECONDS);
        this.reportDeadline = from.plusMinutes(reportMinutes);
        this.handlingDeadline = from.plusMinutes(handlingMinutes);
    }

    void moveTo(CaseStatus status) {
        this.status = status;
    }

    void recordSatisfaction(int satisfaction) {
        this.satisfaction = satisfaction;
    }

    void reopen() {
        this.reopenCount++;
        this.status = CaseStatus.HANDLING;
    }

    void close(String outcome, LocalDateTime at) {
        this.outcome = outcome;
        this.status = CaseStatus.CLOSED;
        this.closedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getCaseNo() {
        return caseNo;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public String getSummary() {
        return summary;
    }

    public String getLocation() {
        return location;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public Integer getReportMinutes() {
        return reportMinutes;
    }

    public Integer getHandlingMinutes() {
        return handlingMinutes;
    }

    public LocalDateTime getReportDeadline() {
        return reportDeadline;
    }

    public LocalDateTime getHandlingDeadline() {
        return handlingDeadline;
    }

    public CaseStatus getStatus() {
        return status;
    }

    public int getReopenCount() {
        return reopenCount;
    }

    public Integer getSatisfaction() {
        return satisfaction;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public LocalDateTime getClosedAt() {
        return closedAt;
    }

    /** Where the problem was found and what kind it is (set when the case is opened). */
    void classify(WhistleSource source, String hotlineTicketNo, WhistleCategory category) {
        this.source = source;
        this.hotlineTicketNo = hotlineTicketNo;
        this.category = category;
    }

    void routedAgainstTheRule(String reason) {
        this.routingReason = reason;
    }

    public WhistleSource getSource() { return source; }
    public String getHotlineTicketNo() { return hotlineTicketNo; }
    public WhistleCategory getCategory() { return category; }
    public String getRoutingReason() { return routingReason; }

    /** The street dissuades first (劝导制止); departments are summoned only if that fails. */
    void dissuadeFirst() {
        this.stopFirst = true;
        this.status = CaseStatus.DISSUADING;
    }

    void dissuaded(String note, LocalDateTime at) {
        this.dissuadeNote = note;
        this.dissuadedAt = at;
    }

    public boolean isStopFirst() { return stopFirst; }
    public String getDissuadeNote() { return dissuadeNote; }
    public LocalDateTime getDissuadedAt() { return dissuadedAt; }
}
