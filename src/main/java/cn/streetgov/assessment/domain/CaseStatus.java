package cn.streetgov.assessment.domain;

/** Where an assessment stands (CONTRACT.md): scoring, publicity (公示), objection (异议复核), final (定档). */
public enum CaseStatus {
    SCORING("评分中"), PUBLICITY("公示中"), OBJECTION("异议复核中"), FINAL("已定档");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    /** The status as people read it. */
    public String label() {
        return label;
    }
}
