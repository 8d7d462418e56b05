package cn.streetgov.assessment.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * app.assessment.*: deadlines, the cap on EXCELLENT and the timer of the campaign. Defaults work
 * without any yaml entry; the weights and grade bands are in DMN assessment-grade.
 *
 * @param selfEvaluationDays days the agency has for its self-evaluation (自评) before the case goes on without it
 * @param scoringDays days the street office has to score (due date of its task)
 * @param committeeDays days the street committee has to confirm, re-review or decide on a suggestion
 * @param publicityDays length of the publicity (公示) in days, also after a re-review
 * @param arbitrationDays days the assessment office has to arbitrate (裁决)
 * @param noteDays days org-dept has to take note of the results
 * @param excellentCapPercent at most this share (%) of a street's assessed agencies may be EXCELLENT
 * @param excellentCapMinimum ... but at least this many (so that a street with 3 agencies may have one)
 * @param commandScoreWithoutSummons the pre-filled command score of an agency never summoned in the period
 * @param timerHalfYears whether a campaign opened by the timer assesses the previous half year (else the previous year)
 */
@ConfigurationProperties("app.assessment")
public record AssessmentProperties(
        @DefaultValue("10") int selfEvaluationDays,
        @DefaultValue("7") int scoringDays,
        @DefaultValue("5") int committeeDays,
        @DefaultValue("5") int publicityDays,
        @DefaultValue("10") int arbitrationDays,
        @DefaultValue("10") int noteDays,
        @DefaultValue("30") int excellentCapPercent,
        @DefaultValue("1") int excellentCapMinimum,
        @DefaultValue("100") int commandScoreWithoutSummons,
        @DefaultValue("false") boolean timerHalfYears) {

    /** How many of {@code assessed} agencies of one street may be EXCELLENT. */
    public int excellentCap(long assessed) {
        long byShare = assessed * excellentCapPercent / 100;
        return (int) Math.min(assessed, Math.max(byShare, excellentCapMinimum));
    }
}
