package cn.streetgov.assessment.process;

import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.domain.AssessmentService.Actor;
import cn.streetgov.assessment.process.AssessmentProcess.Vars;
import cn.streetgov.casework.DecisionHook;
import cn.streetgov.casework.RecordedDecision;
import cn.streetgov.org.domain.PostRole;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The organisation department took note of a campaign's results: kept on the campaign. */
@Component
class CampaignDecisionHook implements DecisionHook {

    private final AssessmentService assessments;

    CampaignDecisionHook(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public String processKey() {
        return AssessmentProcess.KEY;
    }

    @Override
    public void onDecision(DelegateTask task, RecordedDecision decision) {
        assessments.recordNote((Long) task.getVariable(Vars.CAMPAIGN_ID), decision.comment(),
                new Actor(decision.actor().userId(), PostRole.ORG_DEPT.groupId(null)));
    }
}
