package cn.streetgov.casework;

/** The approval operations an official may perform on a task besides completing it. */
public enum ApprovalOperation {
    RETURN("退回"),
    RETURN_TO_STARTER("退回发起人"),
    WITHDRAW("撤回"),
    TRANSFER("转办"),
    DELEGATE("委派"),
    RESOLVE("处理完毕交还"),
    ADD_SIGN("加签"),
    REMOVE_SIGN("减签"),
    SIGN("签署加签意见"),
    COPY("抄送"),
    URGE("催办");

    private final String label;

    ApprovalOperation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
