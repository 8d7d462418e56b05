package cn.streetgov.assessment.process;

import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The result is final (publicity over without objection, after the re-review, or arbitrated). */
@Component("finaliseResultDelegate")
class FinaliseResultDelegate implements JavaDelegate {

    private final AssessmentService assessments;

    FinaliseResultDelegate(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assessments.finalise((Long) execution.getVariable(Vars.CASE_ID));
    }
}
