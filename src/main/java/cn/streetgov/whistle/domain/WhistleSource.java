package cn.streetgov.whistle.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where the problem was found (前端发现报告, 003): the street's own patrol, a grid member, a 12345
 * hotline ticket (its number is kept) or a resident.
 */
public enum WhistleSource {
    PATROL("街道巡查"),
    GRID("网格员上报"),
    HOTLINE("12345热线"),
    RESIDENT("居民反映");

    private final String label;

    WhistleSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<WhistleSource> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst();
    }

    /** 街道巡查（PATROL）、网格员上报（GRID）… for messages. */
    public static String choices() {
        return String.join("、", Arrays.stream(values()).map(s -> s.label + "（" + s.name() + "）").toList());
    }
}
