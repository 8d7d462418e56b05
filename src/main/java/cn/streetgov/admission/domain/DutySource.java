package cn.streetgov.admission.domain;

/** Where a duty on a street's list comes from. */
public enum DutySource {
    /** On the district's base list the street started with. */
    ORIGINAL("基础清单"),
    /** Handed to the street by a department through 事权事务准入 (duty-admission). */
    ADMITTED("准入事项");

    private final String label;

    DutySource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
