package cn.streetgov.assessment.process;

/**
 * Sends the street committee's suggestion (建议权) to the appointment consultation (workflow 2,
 * message start {@code street-suggestion} of CONTRACT.md).
 */
public interface StreetSuggestionSender {

    /**
     * @param agencyCode the failed agency, e.g. {@code S01-GA}
     * @param action what the street suggests: {@code REMOVE} or {@code TRANSFER}
     * @param reason the committee's reason (with the assessment's case number)
     * @return the id of the process instance the message started
     */
    String send(String agencyCode, String deptCode, String orgCode, String action, String reason, String caseNo);
}
