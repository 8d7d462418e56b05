package cn.streetgov.assessment.process;

import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import cn.streetgov.casework.ModellingDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The result is final (publicity over without objection, after the re-review, or arbitrated). */
@Component("finaliseResultDelegate")
@ModellingDelegate(name = "确定考核结果",
        description = "公示结束（或异议处理完）后确定本案考核结果。读取案件变量 caseId（agency-assessment-case 流程）")
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
