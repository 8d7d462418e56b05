package cn.streetgov.admission.domain;

/** Where a street's hand-back (退出) of a duty stands. */
public enum ExitStatus {
    DEPT_OPINION("待主管部门提出意见"),
    DECISION("待编办决定"),
    EXITED("已退出"),
    REJECTED("不同意退出");

    private final String label;

    ExitStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this == DEPT_OPINION || this == DECISION;
    }
}
