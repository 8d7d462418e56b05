package cn.streetgov.appointment.process;

import cn.streetgov.appointment.domain.Suggestion;
import cn.streetgov.appointment.domain.SuggestionRepository;
import cn.streetgov.casework.CaseDescriber;
import java.util.function.Function;
import cn.streetgov.org.OrgDirectory;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * How a {@code street-suggestion} case is listed: 东华街道 建议 东华派出所负责人 免职; it belongs to the
 * street/town, the agency and its department.
 */
@Component
class SuggestionCaseDescriber implements CaseDescriber {

    private final SuggestionRepository suggestions;
    private final OrgDirectory orgs;

    SuggestionCaseDescriber(SuggestionRepository suggestions, OrgDirectory orgs) {
        this.suggestions = suggestions;
        this.orgs = orgs;
    }

    @Override
    public String processKey() {
        return SuggestionProcess.KEY;
    }

    @Override
    public Description describe(Facts facts) {
        Suggestion s = facts.caseNo() == null ? null : suggestions.findBySuggestionNo(facts.caseNo()).orElse(null);
        if (s == null) {
            return null;
        }
        String subject = orgs.nameOf(s.getOrgCode()).orElse(s.getOrgCode()) + " 建议 "
                + orgs.nameOf(s.getAgencyCode()).orElse(s.getAgencyCode()) + "负责人 "
                + (s.getAction() == null ? "任免" : s.getAction().label());
        return Description.of(subject, Arrays.asList(s.getOrgCode(), s.getAgencyCode(), s.getDeptCode()));
    }

    /** On a task card: what the street suggests, e.g. 街道建议免职 · 东华派出所. */
    @Override
    public String card(Function<String, Object> variable) {
        return CaseDescriber.join(30, AppointmentCards.action(variable.apply(SuggestionProcess.ACTION), "街道建议"),
                AppointmentCards.agency(orgs, variable.apply(SuggestionProcess.AGENCY_CODE)));
    }
}
