package cn.streetgov.org.domain;

/**
 * The kinds of post, each mapped to one Camunda group id of CONTRACT.md. Unit-scoped roles
 * carry the code of their street/town, department or agency.
 */
public enum PostRole {
    STREET_COMMITTEE("street-committee-", true),
    STREET_OFFICE("street-office-", true),
    DEPARTMENT("dept-", true),
    AGENCY("agency-", true),
    LEGAL_REVIEW("legal-review", false),
    BIANBAN("bianban", false),
    ORG_DEPT("org-dept", false),
    DISTRICT_GOVERNMENT("district-government", false),
    STANDING_COMMITTEE("standing-committee", false),
    ASSESSMENT_OFFICE("assessment-office", false),
    AUDITOR("auditor", false),
    ADMIN("camunda-admin", false);

    private final String groupPrefix;
    private final boolean unitScoped;

    PostRole(String groupPrefix, boolean unitScoped) {
        this.groupPrefix = groupPrefix;
        this.unitScoped = unitScoped;
    }

    public boolean isUnitScoped() {
        return unitScoped;
    }

    public String groupId(String unitCode) {
        return unitScoped ? groupPrefix + unitCode : groupPrefix;
    }
}
