package cn.streetgov.assessment.process;

import cn.streetgov.casework.EscalationPolicy;
import cn.streetgov.org.domain.PostRole;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** 组织部 overdue in taking note of a campaign's results: 区考核办, which closes the campaign, is told. */
@Component
class CampaignEscalationPolicy implements EscalationPolicy {

    @Override
    public String processKey() {
        return AssessmentProcess.KEY;
    }

    @Override
    public String escalateTo(Task task, Map<String, Object> variables) {
        return PostRole.ASSESSMENT_OFFICE.groupId(null);
    }
}
