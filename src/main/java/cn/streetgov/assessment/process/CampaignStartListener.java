package cn.streetgov.assessment.process;

import cn.streetgov.assessment.domain.AssessmentCampaign;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.domain.AssessmentService.Actor;
import cn.streetgov.assessment.process.AssessmentProcess.Vars;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.org.domain.PostRole;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Start of agency-assessment: checks the period (Chinese reasons, nothing written when refused),
 * opens the campaign and makes its number (KH-2026-H2) the business key. Started without a user
 * (by agency-assessment-timer), the assessment office is recorded as the opener.
 */
@Component("campaignStartListener")
class CampaignStartListener implements ExecutionListener {

    private static final String OFFICE = PostRole.ASSESSMENT_OFFICE.groupId(null);

    private final AssessmentService assessments;

    CampaignStartListener(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String period = AssessmentCaseProcess.string(execution.getVariable(Vars.PERIOD));
        Actor opener = opener(execution);
        List<String> orgCodes = AssessmentProcess.orgCodes(execution.getVariable(Vars.ORG_CODES));
        AssessmentCampaign campaign = assessments.openCampaign(period, orgCodes, opener,
                execution.getProcessInstanceId());
        execution.setProcessBusinessKey(campaign.caseNo());
        execution.setVariable(Vars.PERIOD, campaign.getPeriod());
        execution.setVariable(Vars.CAMPAIGN_ID, campaign.getId());
        execution.setVariable(Vars.CAMPAIGN_NO, campaign.caseNo());
        execution.setVariable(Vars.PAIR_COUNT, assessments.pairs(orgCodes).size());
    }

    private static Actor opener(DelegateExecution execution) {
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (auth == null || auth.getUserId() == null) {
            return new Actor(null, OFFICE);
        }
        List<String> groups = auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
        if (!groups.contains(OFFICE) && !groups.contains(PostRole.ADMIN.groupId(null))) {
            throw new InvalidInputException("只有区考核办可以发起考核");
        }
        return new Actor(auth.getUserId(), OFFICE);
    }
}
