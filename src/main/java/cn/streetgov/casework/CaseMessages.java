package cn.streetgov.casework;

/**
 * The BPMN messages by which one workflow starts or moves another's case: declared once here, as
 * the workflows talk through messages and never through each other's classes.
 */
public final class CaseMessages {

    /** A street's suggestion on the head of an agency (appointment), also sent after a failed assessment. */
    public static final String STREET_SUGGESTION = "street-suggestion";

    private CaseMessages() {
    }
}
