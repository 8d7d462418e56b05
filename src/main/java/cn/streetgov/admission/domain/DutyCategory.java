package cn.streetgov.admission.domain;

import java.util.Arrays;
import java.util.Optional;

/** The four parts of a street's duty list (履职清单), as the Futian list groups them (004). */
public enum DutyCategory {
    PARTY_BUILDING("党建管理"),
    URBAN_MANAGEMENT("城市管理"),
    SOCIAL_MANAGEMENT("社会管理"),
    PUBLIC_SERVICE("公共服务");

    private final String label;

    DutyCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<DutyCategory> parse(String value) {
        return Arrays.stream(values()).filter(c -> c.name().equals(value)).findFirst();
    }

    /** 党建管理 PARTY_BUILDING、城市管理 URBAN_MANAGEMENT …, for refusals. */
    public static String choices() {
        return String.join("、", Arrays.stream(values()).map(c -> c.label + " " + c.name()).toList());
    }
}
