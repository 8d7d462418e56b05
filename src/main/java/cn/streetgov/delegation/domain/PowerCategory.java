package cn.streetgov.delegation.domain;

/** Category of a power in the catalog (CONTRACT.md). Enforcement categories need legal review. */
public enum PowerCategory {
    LICENSING("行政许可"),
    PENALTY("行政处罚"),
    COERCION("行政强制"),
    INSPECTION("行政检查"),
    PUBLIC_SERVICE("公共服务"),
    OTHER("其他");

    private final String label;

    PowerCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
