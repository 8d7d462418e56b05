package cn.streetgov.casework;

/** What a notification tells its recipient (the inbox shows the label). */
public enum NoticeKind {
    NEW_TASK("新的待办"),
    REMINDER("到期提醒"),
    OVERDUE("逾期督办"),
    ESCALATION("逾期上报"),
    URGE("催办"),
    COPY("抄送"),
    RETURN("退回"),
    CASE_END("办结通知"),
    /** The rules (a workflow's DMN) refused the case when it was started: told to the starter with the reason. */
    REJECTED_BY_RULES("规则否决"),
    INFO("通知");

    private final String label;

    NoticeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
