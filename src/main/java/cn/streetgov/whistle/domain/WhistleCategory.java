package cn.streetgov.whistle.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of problem the whistle is about. Which departments each category summons is the rule of
 * {@code processes/whistle-routing.dmn} (it differs between cities); {@link #OTHER} summons none by
 * rule, the street chooses.
 */
public enum WhistleCategory {
    STREET_VENDING("占道经营"),
    ILLEGAL_CONSTRUCTION("违法建设"),
    SANITATION("市容环境卫生"),
    NOISE("噪声扰民"),
    FOOD_SAFETY("食品安全"),
    PUBLIC_SECURITY("治安隐患"),
    PUBLIC_HEALTH("公共卫生"),
    LAND_USE("规划和土地利用"),
    OTHER("其他");

    private final String label;

    WhistleCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<WhistleCategory> parse(String value) {
        return Arrays.stream(values()).filter(c -> c.name().equals(value)).findFirst();
    }
}
