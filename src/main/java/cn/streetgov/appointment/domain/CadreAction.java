package cn.streetgov.appointment.domain;

/** 任职 / 免职 / 调整. */
public enum CadreAction {
    APPOINT("任职"), REMOVE("免职"), TRANSFER("调整");

    private final String label;

    CadreAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
