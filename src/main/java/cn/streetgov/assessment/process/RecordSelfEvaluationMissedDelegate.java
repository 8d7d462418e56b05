package cn.streetgov.assessment.process;

import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.domain.SelfStatus;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The self-evaluation deadline passed: recorded as "not submitted", and the assessment goes on. */
@Component("recordSelfEvaluationMissedDelegate")
class RecordSelfEvaluationMissedDelegate implements JavaDelegate {

    private final AssessmentService assessments;

    RecordSelfEvaluationMissedDelegate(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assessments.recordSelfEvaluationMissed((Long) execution.getVariable(Vars.CASE_ID),
                execution.getCurrentActivityId());
        execution.setVariable(Vars.SELF_STATUS, SelfStatus.NOT_SUBMITTED.name());
    }
}
