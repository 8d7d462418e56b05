package cn.streetgov.assessment.process;

import cn.streetgov.assessment.domain.AssessmentProperties;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Publishes the result (公示) for app.assessment.publicity-days; after a re-review, again. */
@Component("startPublicityDelegate")
class StartPublicityDelegate implements JavaDelegate {

    private final AssessmentService assessments;
    private final AssessmentProperties properties;

    StartPublicityDelegate(AssessmentService assessments, AssessmentProperties properties) {
        this.assessments = assessments;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDateTime until = CaseClock.now().plusDays(properties.publicityDays());
        assessments.startPublicity((Long) execution.getVariable(Vars.CASE_ID), until);
        execution.setVariable(Vars.PUBLICITY_UNTIL, CaseClock.toDate(until));
        execution.setVariable(Vars.PUBLICITY_UNTIL_TEXT, AttachFiguresDelegate.DISPLAY.format(until));
    }
}
