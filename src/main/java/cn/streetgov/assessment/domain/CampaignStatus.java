package cn.streetgov.assessment.domain;

/** A campaign runs (OPEN), has its results aggregated (AGGREGATED), and org-dept took note (NOTED). */
public enum CampaignStatus {
    OPEN, AGGREGATED, NOTED
}
