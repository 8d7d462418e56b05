package cn.streetgov.delegation.domain;

/** Where a delegation case stands. */
public enum CaseStatus {
    SUBMITTED, IN_REVIEW, REVISING, STAFFING, DECIDING, PUBLISHED, REJECTED, WITHDRAWN
}
