package cn.streetgov.assessment.domain;

import java.util.Arrays;

/** The grades of DMN assessment-grade (考核等次). */
public enum Grade {
    EXCELLENT("优秀"), GOOD("良好"), PASS("合格"), FAIL("不合格");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Grade of(String value) {
        return Arrays.stream(values()).filter(g -> g.name().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown grade " + value));
    }
}
