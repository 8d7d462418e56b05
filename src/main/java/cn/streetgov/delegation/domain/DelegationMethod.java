package cn.streetgov.delegation.domain;

import java.util.Arrays;
import java.util.Optional;

/** How a power goes down to the street/town (CONTRACT.md). */
public enum DelegationMethod {
    DEVOLVE("下放"),
    ENTRUST("委托"),
    CENTRALIZED_PENALTY("相对集中行政处罚权"),
    AUTHORIZE("赋权");

    private final String label;

    DelegationMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<DelegationMethod> parse(String value) {
        return Arrays.stream(values()).filter(m -> m.name().equals(value)).findFirst();
    }
}
