package cn.streetgov.audit;

/** What happened in a case. */
public enum AuditEventType {
    CASE_STARTED("发起"),
    TASK_COMPLETED("办理"),
    REMINDER("催办提醒"),
    ESCALATION("超时升级"),
    SYSTEM("系统处理"),
    CASE_ENDED("结束");

    private final String label;

    AuditEventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
