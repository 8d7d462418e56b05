package cn.streetgov.assessment.process;

import static cn.streetgov.assessment.process.AssessmentCaseProcess.string;

import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the committee's suggestion on the failed agency to the appointment consultation (workflow 2). */
@Component("sendStreetSuggestionDelegate")
class SendStreetSuggestionDelegate implements JavaDelegate {

    private final AssessmentService assessments;
    private final StreetSuggestionSender sender;

    SendStreetSuggestionDelegate(AssessmentService assessments, StreetSuggestionSender sender) {
        this.assessments = assessments;
        this.sender = sender;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNo = string(execution.getVariable(Vars.CASE_NO));
        String reason = "考核 " + caseNo + " 结果为不合格（" + string(execution.getVariable(Vars.TOTAL_SCORE)) + " 分）。"
                + string(execution.getVariable(Vars.SUGGESTION_REASON));
        String instanceId = sender.send(string(execution.getVariable(Vars.AGENCY_CODE)),
                string(execution.getVariable(Vars.DEPT_CODE)), string(execution.getVariable(Vars.ORG_CODE)),
                string(execution.getVariable(Vars.SUGGESTION_ACTION)), reason, caseNo);
        assessments.recordSuggestionSent((Long) execution.getVariable(Vars.CASE_ID), instanceId);
    }
}
