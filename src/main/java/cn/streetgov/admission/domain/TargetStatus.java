package cn.streetgov.admission.domain;

/** Where an application stands for one of its target streets/towns. */
public enum TargetStatus {
    PENDING("待街道/镇党(工)委提出意见"),
    ALREADY_LISTED("已在履职清单中"),
    AGREE("街道同意承接，待编办决定"),
    AGREE_WITH_CONDITIONS("街道有条件同意，待编办决定"),
    DISAGREE("街道不同意承接，待编办决定"),
    ADMITTED("已准入"),
    NOT_ADMITTED("未准入（街道不同意承接）"),
    REFUSED("编办不予准入"),
    REFUSED_BY_RULES("属负面清单，不予准入");

    private final String label;

    TargetStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the street agreed to take the duty on. */
    public boolean agreed() {
        return this == AGREE || this == AGREE_WITH_CONDITIONS;
    }
}
