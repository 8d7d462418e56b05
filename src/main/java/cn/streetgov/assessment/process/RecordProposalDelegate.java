package cn.streetgov.assessment.process;

import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.domain.Grade;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the total and grade DMN assessment-grade gives on the office's scores, for the committee. */
@Component("recordProposalDelegate")
class RecordProposalDelegate implements JavaDelegate {

    private final AssessmentService assessments;

    RecordProposalDelegate(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        double total = ((Number) execution.getVariable(Vars.PROPOSED_SCORE)).doubleValue();
        String grade = (String) execution.getVariable(Vars.PROPOSED_GRADE);
        assessments.recordProposal((Long) execution.getVariable(Vars.CASE_ID), total, grade);
        execution.setVariable(Vars.PROPOSED_GRADE_LABEL, Grade.of(grade).label());
    }
}
