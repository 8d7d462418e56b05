package cn.streetgov.assessment.domain;

/** The agency's self-evaluation (自评): still open, submitted, or not submitted by the deadline. */
public enum SelfStatus {
    PENDING, SUBMITTED, NOT_SUBMITTED
}
