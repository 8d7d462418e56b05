package cn.streetgov.assessment.process;

import cn.streetgov.assessment.domain.AssessmentPeriod;
import cn.streetgov.assessment.domain.AssessmentProperties;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.assessment.process.AssessmentTimerProcess.Vars;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The timer fired: opens the campaign of the previous year (or half year) unless it was opened already. */
@Component("openScheduledCampaignDelegate")
class OpenScheduledCampaignDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(OpenScheduledCampaignDelegate.class);

    private final AssessmentService assessments;
    private final AssessmentProperties properties;

    OpenScheduledCampaignDelegate(AssessmentService assessments, AssessmentProperties properties) {
        this.assessments = assessments;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String period = AssessmentPeriod.previous(CaseClock.now().toLocalDate(), properties.timerHalfYears());
        execution.setVariable(Vars.PERIOD, period);
        if (assessments.periodOpened(period)) {
            log.info("考核期 {} 已发起过考核，定时器不再重复发起", period);
            execution.setVariable(Vars.PERIOD_ALREADY_OPENED, true);
            return;
        }
        ProcessInstance campaign = execution.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey(AssessmentProcess.KEY, Map.of(AssessmentProcess.Vars.PERIOD, period));
        execution.setVariable(Vars.PERIOD_ALREADY_OPENED, false);
        execution.setVariable(Vars.CAMPAIGN_INSTANCE_ID, campaign.getId());
    }
}
