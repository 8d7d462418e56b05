package cn.streetgov.whistle.domain;

/** Where a whistle case stands. */
public enum CaseStatus {
    /** 街道劝导制止中: the street tries persuasion and stopping before it hands over to departments. */
    DISSUADING,
    /** 部门报到中: waiting for the summoned departments to report. */
    REPORTING,
    /** 联合处置中. */
    HANDLING,
    /** 街道确认中. */
    CONFIRMING,
    /** 回访中. */
    FOLLOW_UP,
    /** 已办结. */
    CLOSED
}
