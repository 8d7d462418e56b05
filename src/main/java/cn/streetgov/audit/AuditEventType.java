package cn.streetgov.audit;

/** What happened in a case. */
public enum AuditEventType {
    CASE_STARTED("发起"),
    TASK_COMPLETED("办理"),
    REMINDER("催办提醒"),
    ESCALATION("超时升级"),
    SYSTEM("系统处理"),
    RETURN("退回"),
    WITHDRAW("撤回"),
    TRANSFER("转办"),
    DELEGATE("委派"),
    RESOLVE("委派交还"),
    ADD_SIGN("加签"),
    REMOVE_SIGN("减签"),
    SIGN("加签意见"),
    COPY("抄送"),
    READ("已阅"),
    URGE("催办"),
    /** an administrator moved the running case to another version of its process */
    MIGRATION("迁移版本"),
    /** a file was attached to the case (案件附件), with its name, size and SHA-256 */
    ATTACHMENT_ADDED("上传附件"),
    /** an attached file was removed from the case (its content is kept) */
    ATTACHMENT_DELETED("删除附件"),
    CASE_ENDED("结束");

    private final String label;

    AuditEventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
