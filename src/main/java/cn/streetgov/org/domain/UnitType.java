package cn.streetgov.org.domain;

/** A street (街道) or a town (镇). */
public enum UnitType {
    STREET("街道"),
    TOWN("镇");

    private final String label;

    UnitType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
