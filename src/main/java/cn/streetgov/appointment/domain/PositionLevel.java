package cn.streetgov.appointment.domain;

/** 科级 / 处级. */
public enum PositionLevel {
    SECTION("科级"), DIVISION("处级");

    private final String label;

    PositionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
