package cn.streetgov.assessment.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The assessment of one dispatched agency by its street/town in one campaign (business key
 * {@code KH-2026-H2-S01-GA}): self-evaluation, objective figures, the office's scores, the
 * committee's decision, grade, publicity and objections. Changed only through {@link AssessmentService}.
 */
@Entity
@Table(name = "assessment_case")
public class AssessmentCase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Optimistic locking: two officials changing this at the same moment cannot both succeed (409 for the second). */
    @Version
    private Long version;

    private Long campaignId;

    private String caseNo;

    private String period;

    private String processInstanceId;

    private String orgCode;

    private String deptCode;

    private String agencyCode;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    @Enumerated(EnumType.STRING)
    private SelfStatus selfStatus;

    private LocalDateTime selfDue;

    private Integer selfScore;

    private String selfReport;

    private String selfBy;

    private LocalDateTime selfAt;

    private Integer objSummoned;

    private Integer objOnTime;

    private Integer objLate;

    private BigDecimal objOnTimeRate;

    private BigDecimal objAvgReportMinutes;

    private BigDecimal objAvgSatisfaction;

    private LocalDateTime objAt;

    private Integer prefilledCommand;

    private Integer scoreCommand;

    private Integer scoreDuty;

    private Integer scoreStyle;

    private Integer scoreCooperation;

    private Integer scoreSatisfaction;

    private boolean vetoItem;

    private String vetoReason;

    private String scoreChangeReason;

    private String scoredBy;

    private String scoredGroup;

    private LocalDateTime scoredAt;

    private BigDecimal proposedScore;

    @Enumerated(EnumType.STRING)
    private Grade proposedGrade;

    private String committeeDecision;

    private BigDecimal adjustedScore;

    private String adjustReason;

    private String committeeBy;

    private String committeeGroup;

    private LocalDateTime committeeAt;

    private BigDecimal totalScore;

    @Enumerated(EnumType.STRING)
    private Grade grade;

    private LocalDateTime publicityUntil;

    private int objectionCount;

    private Boolean useSuggestion;

    private String suggestionAction;

    private String suggestionReason;

    private String suggestionBy;

    private LocalDateTime suggestionAt;

    private LocalDateTime suggestionSentAt;

    private String suggestionInstanceId;

    private LocalDateTime finalisedAt;

    private LocalDateTime createdAt;

    protected AssessmentCase() {
    }

    AssessmentCase(Long campaignId, String caseNo, String period, String orgCode, String deptCode, String agencyCode,
            LocalDateTime createdAt) {
        this.campaignId = campaignId;
        this.caseNo = caseNo;
        this.period = period;
        this.orgCode = orgCode;
        this.deptCode = deptCode;
        this.agencyCode = agencyCode;
        this.createdAt = createdAt;
        this.status = CaseStatus.SCORING;
        this.selfStatus = SelfStatus.PENDING;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getCaseNo() {
        return caseNo;
    }

    public String getPeriod() {
        return period;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
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

    public CaseStatus getStatus() {
        return status;
    }

    public SelfStatus getSelfStatus() {
        return selfStatus;
    }

    public LocalDateTime getSelfDue() {
        return selfDue;
    }

    public Integer getSelfScore() {
        return selfScore;
    }

    public String getSelfReport() {
        return selfReport;
    }

    public String getSelfBy() {
        return selfBy;
    }

    public LocalDateTime getSelfAt() {
        return selfAt;
    }

    public Integer getObjSummoned() {
        return objSummoned;
    }

    public Integer getObjOnTime() {
        return objOnTime;
    }

    public Integer getObjLate() {
        return objLate;
    }

    public BigDecimal getObjOnTimeRate() {
        return objOnTimeRate;
    }

    public BigDecimal getObjAvgReportMinutes() {
        return objAvgReportMinutes;
    }

    public BigDecimal getObjAvgSatisfaction() {
        return objAvgSatisfaction;
    }

    public LocalDateTime getObjAt() {
        return objAt;
    }

    public Integer getPrefilledCommand() {
        return prefilledCommand;
    }

    public Integer getScoreCommand() {
        return scoreCommand;
    }

    public Integer getScoreDuty() {
        return scoreDuty;
    }

    public Integer getScoreStyle() {
        return scoreStyle;
    }

    public Integer getScoreCooperation() {
        return scoreCooperation;
    }

    public Integer getScoreSatisfaction() {
        return scoreSatisfaction;
    }

    public boolean isVetoItem() {
        return vetoItem;
    }

    public String getVetoReason() {
        return vetoReason;
    }

    public String getScoreChangeReason() {
        return scoreChangeReason;
    }

    public String getScoredBy() {
        return scoredBy;
    }

    public String getScoredGroup() {
        return scoredGroup;
    }

    public LocalDateTime getScoredAt() {
        return scoredAt;
    }

    public BigDecimal getProposedScore() {
        return proposedScore;
    }

    public Grade getProposedGrade() {
        return proposedGrade;
    }

    public String getCommitteeDecision() {
        return committeeDecision;
    }

    public BigDecimal getAdjustedScore() {
        return adjustedScore;
    }

    public String getAdjustReason() {
        return adjustReason;
    }

    public String getCommitteeBy() {
        return committeeBy;
    }

    public String getCommitteeGroup() {
        return committeeGroup;
    }

    public LocalDateTime getCommitteeAt() {
        return committeeAt;
    }

    public BigDecimal getTotalScore() {
        return totalScore;
    }

    public Grade getGrade() {
        return grade;
    }

    public LocalDateTime getPublicityUntil() {
        return publicityUntil;
    }

    public int getObjectionCount() {
        return objectionCount;
    }

    public Boolean getUseSuggestion() {
        return useSuggestion;
    }

    public String getSuggestionAction() {
        return suggestionAction;
    }

    public String getSuggestionReason() {
        return suggestionReason;
    }

    public String getSuggestionBy() {
        return suggestionBy;
    }

    public LocalDateTime getSuggestionAt() {
        return suggestionAt;
    }

    public LocalDateTime getSuggestionSentAt() {
        return suggestionSentAt;
    }

    public String getSuggestionInstanceId() {
        return suggestionInstanceId;
    }

    public LocalDateTime getFinalisedAt() {
        return finalisedAt;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    void setCampaignId(Long campaignId) {
        this.campaignId = campaignId;
    }

    void setCaseNo(String caseNo) {
        this.caseNo = caseNo;
    }

    void setPeriod(String period) {
        this.period = period;
    }

    void setProcessInstanceId(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void setOrgCode(String orgCode) {
        this.orgCode = orgCode;
    }

    void setDeptCode(String deptCode) {
        this.deptCode = deptCode;
    }

    void setAgencyCode(String agencyCode) {
        this.agencyCode = agencyCode;
    }

    void setStatus(CaseStatus status) {
        this.status = status;
    }

    void setSelfStatus(SelfStatus selfStatus) {
        this.selfStatus = selfStatus;
    }

    void setSelfDue(LocalDateTime selfDue) {
        this.selfDue = selfDue;
    }

    void setSelfScore(Integer selfScore) {
        this.selfScore = selfScore;
    }

    void setSelfReport(String selfReport) {
        this.selfReport = selfReport;
    }

    void setSelfBy(String selfBy) {
        this.selfBy = selfBy;
    }

    void setSelfAt(LocalDateTime selfAt) {
        this.selfAt = selfAt;
    }

    void setObjSummoned(Integer objSummoned) {
        this.objSummoned = objSummoned;
    }

    void setObjOnTime(Integer objOnTime) {
        this.objOnTime = objOnTime;
    }

    void setObjLate(Integer objLate) {
        this.objLate = objLate;
    }

    void setObjOnTimeRate(BigDecimal objOnTimeRate) {
        this.objOnTimeRate = objOnTimeRate;
    }

    void setObjAvgReportMinutes(BigDecimal objAvgReportMinutes) {
        this.objAvgReportMinutes = objAvgReportMinutes;
    }

    void setObjAvgSatisfaction(BigDecimal objAvgSatisfaction) {
        this.objAvgSatisfaction = objAvgSatisfaction;
    }

    void setObjAt(LocalDateTime objAt) {
        this.objAt = objAt;
    }

    void setPrefilledCommand(Integer prefilledCommand) {
        this.prefilledCommand = prefilledCommand;
    }

    void setScoreCommand(Integer scoreCommand) {
        this.scoreCommand = scoreCommand;
    }

    void setScoreDuty(Integer scoreDuty) {
        this.scoreDuty = scoreDuty;
    }

    void setScoreStyle(Integer scoreStyle) {
        this.scoreStyle = scoreStyle;
    }

    void setScoreCooperation(Integer scoreCooperation) {
        this.scoreCooperation = scoreCooperation;
    }

    void setScoreSatisfaction(Integer scoreSatisfaction) {
        this.scoreSatisfaction = scoreSatisfaction;
    }

    void setVetoItem(boolean vetoItem) {
        this.vetoItem = vetoItem;
    }

    void setVetoReason(String vetoReason) {
        this.vetoReason = vetoReason;
    }

    void setScoreChangeReason(String scoreChangeReason) {
        this.scoreChangeReason = scoreChangeReason;
    }

    void setScoredBy(String scoredBy) {
        this.scoredBy = scoredBy;
    }

    void setScoredGroup(String scoredGroup) {
        this.scoredGroup = scoredGroup;
    }

    void setScoredAt(LocalDateTime scoredAt) {
        this.scoredAt = scoredAt;
    }

    void setProposedScore(BigDecimal proposedScore) {
        this.proposedScore = proposedScore;
    }

    void setProposedGrade(Grade proposedGrade) {
        this.proposedGrade = proposedGrade;
    }

    void setCommitteeDecision(String committeeDecision) {
        this.committeeDecision = committeeDecision;
    }

    void setAdjustedScore(BigDecimal adjustedScore) {
        this.adjustedScore = adjustedScore;
    }

    void setAdjustReason(String adjustReason) {
        this.adjustReason = adjustReason;
    }

    void setCommitteeBy(String committeeBy) {
        this.committeeBy = committeeBy;
    }

    void setCommitteeGroup(String committeeGroup) {
        this.committeeGroup = committeeGroup;
    }

    void setCommitteeAt(LocalDateTime committeeAt) {
        this.committeeAt = committeeAt;
    }

    void setTotalScore(BigDecimal totalScore) {
        this.totalScore = totalScore;
    }

    void setGrade(Grade grade) {
        this.grade = grade;
    }

    void setPublicityUntil(LocalDateTime publicityUntil) {
        this.publicityUntil = publicityUntil;
    }

    void setObjectionCount(int objectionCount) {
        this.objectionCount = objectionCount;
    }

    void setUseSuggestion(Boolean useSuggestion) {
        this.useSuggestion = useSuggestion;
    }

    void setSuggestionAction(String suggestionAction) {
        this.suggestionAction = suggestionAction;
    }

    void setSuggestionReason(String suggestionReason) {
        this.suggestionReason = suggestionReason;
    }

    void setSuggestionBy(String suggestionBy) {
        this.suggestionBy = suggestionBy;
    }

    void setSuggestionAt(LocalDateTime suggestionAt) {
        this.suggestionAt = suggestionAt;
    }

    void setSuggestionSentAt(LocalDateTime suggestionSentAt) {
        this.suggestionSentAt = suggestionSentAt;
    }

    void setSuggestionInstanceId(String suggestionInstanceId) {
        this.suggestionInstanceId = suggestionInstanceId;
    }

    void setFinalisedAt(LocalDateTime finalisedAt) {
        this.finalisedAt = finalisedAt;
    }

    void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }
}
