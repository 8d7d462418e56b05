package cn.streetgov.admission.domain;

/** Where a duty-admission application stands. */
public enum AdmissionStatus {
    CHECKING("规则审查中"),
    OPINIONS("征求街道/镇意见"),
    DECISION("待编办决定"),
    ADMITTED("已准入"),
    REFUSED("不予准入"),
    REFUSED_BY_RULES("属负面清单，不予准入"),
    ALREADY_LISTED("均已在履职清单中");

    private final String label;

    AdmissionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
