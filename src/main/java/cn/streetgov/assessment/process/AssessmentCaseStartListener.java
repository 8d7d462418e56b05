package cn.streetgov.assessment.process;

import static cn.streetgov.assessment.process.AssessmentCaseProcess.string;

import cn.streetgov.assessment.domain.AssessmentCase;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Agency;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of agency-assessment-case: opens the pair's assessment; its number is the business key. */
@Component("assessmentCaseStartListener")
class AssessmentCaseStartListener implements ExecutionListener {

    private final AssessmentService assessments;
    private final OrgDirectory org;

    AssessmentCaseStartListener(AssessmentService assessments, OrgDirectory org) {
        this.assessments = assessments;
        this.org = org;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object campaignId = execution.getVariable(Vars.CAMPAIGN_ID);
        AssessmentCase c = assessments.openCase(campaignId == null ? null : ((Number) campaignId).longValue(),
                string(execution.getVariable(Vars.AGENCY_CODE)), execution.getProcessInstanceId());
        Agency agency = org.requireAgency(c.getAgencyCode());
        execution.setProcessBusinessKey(c.getCaseNo());
        execution.setVariable(Vars.CASE_ID, c.getId());
        execution.setVariable(Vars.CASE_NO, c.getCaseNo());
        execution.setVariable(Vars.PERIOD, c.getPeriod());
        execution.setVariable(Vars.ORG_CODE, c.getOrgCode());
        execution.setVariable(Vars.DEPT_CODE, c.getDeptCode());
        execution.setVariable(Vars.AGENCY_NAME, agency.getName());
        execution.setVariable(Vars.ORG_NAME, org.requireUnit(c.getOrgCode()).getName());
        execution.setVariable(Vars.DEPT_NAME, org.requireDepartment(c.getDeptCode()).getName());
        execution.setVariable(Vars.VETO_ITEM, false);
        execution.setVariable(Vars.ADJUSTED_SCORE, null);
    }
}
