package cn.streetgov.delegation.domain;

/** Result of a delegation case, also the process variable {@code outcome} (CONTRACT.md). */
public enum Outcome {
    PUBLISHED("已公布"),
    REJECTED("未通过"),
    WITHDRAWN("已撤回");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public CaseStatus status() {
        return CaseStatus.valueOf(name());
    }
}
