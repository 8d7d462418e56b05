package cn.streetgov.assessment.process;

import cn.streetgov.assessment.domain.AssessmentPeriod;
import cn.streetgov.casework.CaseCard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The assessment cases on a task card: an agency's assessment by the agency and the period
 * (东华派出所 · 2026年度), a campaign by its period.
 */
@Configuration(proxyBeanMethods = false)
class AssessmentCaseCards {

    @Bean
    CaseCard assessmentCaseCard() {
        return CaseCard.of(AssessmentCaseProcess.KEY, variable -> CaseCard.join(30,
                variable.apply(AssessmentCaseProcess.Vars.AGENCY_NAME),
                period(variable.apply(AssessmentCaseProcess.Vars.PERIOD))));
    }

    @Bean
    CaseCard campaignCaseCard() {
        return CaseCard.of(AssessmentProcess.KEY, variable -> CaseCard.join(30, period(variable.apply(AssessmentProcess.Vars.PERIOD))));
    }

    private static String period(Object period) {
        return period == null ? null : AssessmentPeriod.label(period.toString());
    }
}
