package cn.streetgov.assessment.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/** One assessment campaign (考核) for one period, opened by the assessment office or by the timer. */
@Entity
@Table(name = "assessment_campaign")
public class AssessmentCampaign {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Optimistic locking: two officials changing this at the same moment cannot both succeed (409 for the second). */
    @Version
    private Long version;

    private String period;

    private String processInstanceId;

    @Enumerated(EnumType.STRING)
    private CampaignStatus status;

    private String openedBy;

    private String openedGroup;

    private LocalDateTime openedAt;

    private LocalDateTime aggregatedAt;

    private String notedBy;

    private LocalDateTime notedAt;

    private String noteComment;

    protected AssessmentCampaign() {
    }

    AssessmentCampaign(String period, String processInstanceId, String openedBy, String openedGroup,
            LocalDateTime openedAt) {
        this.period = period;
        this.processInstanceId = processInstanceId;
        this.openedBy = openedBy;
        this.openedGroup = openedGroup;
        this.openedAt = openedAt;
        this.status = CampaignStatus.OPEN;
    }

    /** The campaign's case number, e.g. KH-2026-H2. */
    public String caseNo() {
        return AssessmentService.CASE_PREFIX + "-" + period;
    }

    void aggregated(LocalDateTime at) {
        this.status = CampaignStatus.AGGREGATED;
        this.aggregatedAt = at;
    }

    void noted(String by, String comment, LocalDateTime at) {
        this.status = CampaignStatus.NOTED;
        this.notedBy = by;
        this.noteComment = comment;
        this.notedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getPeriod() {
        return period;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public CampaignStatus getStatus() {
        return status;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public String getOpenedGroup() {
        return openedGroup;
    }

    public LocalDateTime getOpenedAt() {
        return openedAt;
    }

    public LocalDateTime getAggregatedAt() {
        return aggregatedAt;
    }

    public String getNotedBy() {
        return notedBy;
    }

    public LocalDateTime getNotedAt() {
        return notedAt;
    }

    public String getNoteComment() {
        return noteComment;
    }
}
