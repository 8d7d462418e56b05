package cn.streetgov.assessment.domain;

/** Where an assessment stands (CONTRACT.md): scoring, publicity (公示), objection (异议处理), final. */
public enum CaseStatus {
    SCORING, PUBLICITY, OBJECTION, FINAL
}
