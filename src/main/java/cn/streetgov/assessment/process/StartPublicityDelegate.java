package cn.streetgov.assessment.process;

import cn.streetgov.assessment.domain.AssessmentProperties;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import cn.streetgov.casework.ModellingDelegate;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Publishes the result (公示) for app.assessment.publicity-days; after a re-review, again. */
@Component("startPublicityDelegate")
@ModellingDelegate(name = "开始公示考核结果",
        description = "开始公示（天数见 app.assessment.publicity-days），设置 publicityUntil。读取案件变量 caseId（agency-assessment-case 流程）")
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
