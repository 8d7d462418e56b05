package cn.streetgov.assessment.process;

import cn.streetgov.assessment.domain.AssessmentCampaign;
import cn.streetgov.assessment.domain.AssessmentPeriod;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.domain.CampaignStatus;
import cn.streetgov.casework.CaseDescriber;
import java.util.function.Function;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How an {@code agency-assessment} campaign is listed: 2026年度 街道对派驻机构考核. It belongs to no one
 * street (the district's assessment office runs it; each pair's case is its own); it ends once the
 * organisation department has taken note of the results.
 */
@Component
class CampaignCaseDescriber implements CaseDescriber {

    static final String NOTED = AssessmentProcess.NOTED;

    private final AssessmentService assessments;

    CampaignCaseDescriber(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public String processKey() {
        return AssessmentProcess.KEY;
    }

    @Override
    public Description describe(Facts facts) {
        String period = facts.text(AssessmentProcess.Vars.PERIOD);
        if (period == null) {
            return null;
        }
        Description description = Description.of(AssessmentPeriod.label(period) + " 街道对派驻机构考核",
                List.of());
        boolean noted = assessments.campaignOf(period).map(AssessmentCampaign::getStatus)
                .filter(CampaignStatus.NOTED::equals).isPresent();
        return noted ? description.withOutcome(NOTED) : description;
    }

    /** On a task card: the campaign's period, e.g. 2026年度. */
    @Override
    public String card(Function<String, Object> variable) {
        Object period = variable.apply(AssessmentProcess.Vars.PERIOD);
        return CaseDescriber.join(30, period == null ? null : AssessmentPeriod.label(period.toString()));
    }
}
