package cn.streetgov.assessment.process;

import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.process.AssessmentProcess.Vars;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.org.domain.PostRole;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completion of org-dept's note of the results (agency-assessment): records who took note, when, and the comment. */
@Component("campaignTaskListener")
class CampaignTaskListener implements TaskListener {

    private final AssessmentService assessments;

    CampaignTaskListener(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public void notify(DelegateTask task) {
        Object comment = task.getVariable(Vars.NOTE_COMMENT);
        String text = comment == null || comment.toString().isBlank() ? null : comment.toString().trim();
        if (text != null && text.length() > AssessmentService.TEXT_MAX) {
            throw new InvalidInputException("填写的内容不能超过 " + AssessmentService.TEXT_MAX + " 个字");
        }
        assessments.recordNote((Long) task.getVariable(Vars.CAMPAIGN_ID), text,
                AssessmentTaskListener.actor(task, PostRole.ORG_DEPT.groupId(null)));
    }
}
