package cn.streetgov.assessment.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** Aggregated results of a final campaign per agency, per street/town (ORG) or per department (DEPT). */
@Entity
@Table(name = "assessment_result")
public class AssessmentResult {

    public static final String AGENCY = "AGENCY";
    public static final String ORG = "ORG";
    public static final String DEPT = "DEPT";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long campaignId;

    private String dimension;

    private String code;

    private int caseCount;

    private BigDecimal avgScore;

    private int excellentCount;

    private int goodCount;

    private int passCount;

    private int failCount;

    protected AssessmentResult() {
    }

    AssessmentResult(Long campaignId, String dimension, String code) {
        this.campaignId = campaignId;
        this.dimension = dimension;
        this.code = code;
    }

    /** Counts from zero again (the campaign is aggregated anew). */
    void reset() {
        caseCount = 0;
        avgScore = null;
        excellentCount = 0;
        goodCount = 0;
        passCount = 0;
        failCount = 0;
    }

    void add(BigDecimal score, Grade grade) {
        BigDecimal sum = avgScore == null ? BigDecimal.ZERO : avgScore.multiply(BigDecimal.valueOf(caseCount));
        caseCount++;
        avgScore = sum.add(score == null ? BigDecimal.ZERO : score)
                .divide(BigDecimal.valueOf(caseCount), 2, java.math.RoundingMode.HALF_UP);
        switch (grade) {
            case EXCELLENT -> excellentCount++;
            case GOOD -> goodCount++;
            case PASS -> passCount++;
            case FAIL -> failCount++;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getDimension() {
        return dimension;
    }

    public String getCode() {
        return code;
    }

    public int getCaseCount() {
        return caseCount;
    }

    public BigDecimal getAvgScore() {
        return avgScore;
    }

    public int getExcellentCount() {
        return excellentCount;
    }

    public int getGoodCount() {
        return goodCount;
    }

    public int getPassCount() {
        return passCount;
    }

    public int getFailCount() {
        return failCount;
    }
}
