package cn.streetgov.appointment.process;

import cn.streetgov.appointment.domain.CadreAction;
import cn.streetgov.casework.CaseCard;
import cn.streetgov.org.OrgDirectory;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The appointment cases on a task card: a consultation by what is proposed, for which agency and
 * whom (任职 · 东华派出所 · 张三 · 所长), a street's suggestion by what it suggests (街道建议免职 · 东华派出所).
 */
@Configuration(proxyBeanMethods = false)
class AppointmentCaseCards {

    @Bean
    CaseCard consultationCaseCard(OrgDirectory orgs) {
        return CaseCard.of(ConsultationProcess.KEY, variable -> CaseCard.join(30,
                action(variable.apply(ConsultationProcess.ACTION), ""),
                agency(orgs, variable.apply(ConsultationProcess.AGENCY_CODE)),
                variable.apply(ConsultationProcess.CANDIDATE_NAME), variable.apply(ConsultationProcess.POSITION_TITLE)));
    }

    @Bean
    CaseCard suggestionCaseCard(OrgDirectory orgs) {
        return CaseCard.of(SuggestionProcess.KEY, variable -> CaseCard.join(30,
                action(variable.apply(SuggestionProcess.ACTION), "街道建议"),
                agency(orgs, variable.apply(SuggestionProcess.AGENCY_CODE))));
    }

    private static String action(Object code, String prefix) {
        return code == null ? null : Arrays.stream(CadreAction.values()).filter(a -> a.name().equals(code.toString()))
                .findFirst().map(a -> prefix + a.label()).orElse(null);
    }

    private static String agency(OrgDirectory orgs, Object code) {
        return code == null ? null : orgs.findAgency(code.toString()).map(a -> a.getName()).orElse(null);
    }
}
