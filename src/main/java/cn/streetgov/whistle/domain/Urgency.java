package cn.streetgov.whistle.domain;

import java.util.Arrays;
import java.util.Optional;

/** How urgent a whistle is; the deadlines per urgency come from DMN {@code whistle-sla}. */
public enum Urgency {
    NORMAL("一般"),
    URGENT("紧急"),
    CRITICAL("特急");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Urgency> parse(String value) {
        return Arrays.stream(values()).filter(u -> u.name().equals(value)).findFirst();
    }
}
