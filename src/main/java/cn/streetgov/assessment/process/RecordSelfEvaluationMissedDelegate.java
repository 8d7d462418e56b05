package cn.streetgov.assessment.process;

import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.domain.SelfStatus;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import cn.streetgov.casework.ModellingDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The self-evaluation deadline passed: recorded as "not submitted", and the assessment goes on. */
@Component("recordSelfEvaluationMissedDelegate")
@ModellingDelegate(name = "记录未提交自评",
        description = "自评期限已过：记为“未提交自评”并记入审批记录，考核继续。读取案件变量 caseId（agency-assessment-case 流程）")
class RecordSelfEvaluationMissedDelegate implements JavaDelegate {

    private final AssessmentService assessments;
    private final DecisionRecord decisions;

    RecordSelfEvaluationMissedDelegate(AssessmentService assessments, DecisionRecord decisions) {
        this.assessments = assessments;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assessments.recordSelfEvaluationMissed((Long) execution.getVariable(Vars.CASE_ID));
        decisions.recordSystem(execution, SelfStatus.NOT_SUBMITTED.name(), "自评期限已过，未提交自评");
        execution.setVariable(Vars.SELF_STATUS, SelfStatus.NOT_SUBMITTED.name());
    }
}
