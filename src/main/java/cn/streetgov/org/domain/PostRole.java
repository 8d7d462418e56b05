package cn.streetgov.org.domain;

/**
 * The kinds of post, each mapped to one Camunda group id of CONTRACT.md. Unit-scoped roles
 * carry the code of their street/town, department or agency ({@link #unitKind()}).
 */
public enum PostRole {
    STREET_COMMITTEE("street-committee-", UnitKind.ORG_UNIT, "街道党工委/镇党委"),
    STREET_OFFICE("street-office-", UnitKind.ORG_UNIT, "街道办事处/镇人民政府"),
    DEPARTMENT("dept-", UnitKind.DEPARTMENT, "职能部门"),
    AGENCY("agency-", UnitKind.AGENCY, "派驻机构"),
    LEGAL_REVIEW("legal-review", null, "司法局（合法性审查）"),
    BIANBAN("bianban", null, "区委编办"),
    ORG_DEPT("org-dept", null, "区委组织部"),
    DISTRICT_GOVERNMENT("district-government", null, "区政府常务会议"),
    STANDING_COMMITTEE("standing-committee", null, "区委常委会"),
    ASSESSMENT_OFFICE("assessment-office", null, "区考核办"),
    AUDITOR("auditor", null, "审计人员（只读）"),
    ADMIN("camunda-admin", null, "系统管理员");

    /** What a unit-scoped post's unit code names. */
    public enum UnitKind {
        /** a street or town ({@link OrgUnit}) */
        ORG_UNIT,
        /** a district department ({@link Department}) */
        DEPARTMENT,
        /** a dispatched agency ({@link Agency}) */
        AGENCY
    }

    private final String groupPrefix;
    private final UnitKind unitKind;
    private final String label;

    PostRole(String groupPrefix, UnitKind unitKind, String label) {
        this.groupPrefix = groupPrefix;
        this.unitKind = unitKind;
        this.label = label;
    }

    public boolean isUnitScoped() {
        return unitKind != null;
    }

    /** The kind of unit the post's unit code names; null for district-wide bodies. */
    public UnitKind unitKind() {
        return unitKind;
    }

    /** The Chinese name of the body the post belongs to. */
    public String label() {
        return label;
    }

    public String groupId(String unitCode) {
        return unitKind != null ? groupPrefix + unitCode : groupPrefix;
    }
}
