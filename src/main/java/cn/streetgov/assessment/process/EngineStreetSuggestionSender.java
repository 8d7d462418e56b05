package cn.streetgov.assessment.process;

import cn.streetgov.assessment.process.AssessmentCaseProcess.SuggestionMessage;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Correlates the start message {@code street-suggestion} (cadre-consultation, workflow 2) with
 * {@code agencyCode}, {@code action} and {@code reason} (plus {@code deptCode}, {@code orgCode} and
 * {@code assessmentCaseNo} for context). When no process waits for it, the engine refuses and the
 * asynchronous step becomes an incident that an administrator retries once workflow 2 is deployed.
 */
@Component
class EngineStreetSuggestionSender implements StreetSuggestionSender {

    private final RuntimeService runtimeService;

    EngineStreetSuggestionSender(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public String send(String agencyCode, String deptCode, String orgCode, String action, String reason,
            String caseNo) {
        ProcessInstance started = runtimeService.createMessageCorrelation(AssessmentCaseProcess.MESSAGE_STREET_SUGGESTION)
                .setVariable(SuggestionMessage.AGENCY_CODE, agencyCode)
                .setVariable(SuggestionMessage.DEPT_CODE, deptCode)
                .setVariable(SuggestionMessage.ORG_CODE, orgCode)
                .setVariable(SuggestionMessage.ACTION, action)
                .setVariable(SuggestionMessage.REASON, reason)
                .setVariable(SuggestionMessage.ASSESSMENT_CASE_NO, caseNo)
                .correlateStartMessage();
        return started.getId();
    }
}
