package cn.streetgov.appointment.domain;

/** What a department proposes when it starts a consultation (already parsed and validated). */
public record ConsultationRequest(String deptCode, String agencyCode, CadreAction action, String candidateName,
        String positionTitle, PositionLevel positionLevel, String reason, String dossierRef, String suggestionNo) {
}
