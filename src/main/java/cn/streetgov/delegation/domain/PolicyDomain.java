package cn.streetgov.delegation.domain;

/**
 * Policy domain of a power (CONTRACT.md). Town domains go to towns and non-central streets only;
 * street domains and urban management go to every street and town. The rule itself lives in the
 * DMN table {@code delegation-eligibility}; the labels are for display.
 */
public enum PolicyDomain {
    PLANNING_RESOURCES("规划和自然资源"),
    ECOLOGY("生态环境"),
    MARKET("市场监管"),
    HEALTH("卫生健康"),
    RURAL("乡村治理"),
    PARTY_BUILDING("党的建设"),
    COMMUNITY("社区建设"),
    PUBLIC_MANAGEMENT("公共管理"),
    PUBLIC_SERVICE("公共服务"),
    PUBLIC_SAFETY("公共安全"),
    URBAN_MANAGEMENT("城市管理");

    private final String label;

    PolicyDomain(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
