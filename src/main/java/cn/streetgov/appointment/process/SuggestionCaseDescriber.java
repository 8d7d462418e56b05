package cn.streetgov.appointment.process;

import cn.streetgov.appointment.domain.StreetPost;
import cn.streetgov.appointment.domain.Suggestion;
import cn.streetgov.appointment.domain.SuggestionRepository;
import cn.streetgov.casework.CaseDescriber;
import java.util.function.Function;
import cn.streetgov.org.OrgDirectory;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * How a {@code street-suggestion} case is listed: 东华街道 建议 东华派出所负责人 免职 (it belongs to the
 * street/town, the agency and its department), or 东华街道 提名 工会主席 张三 任职 (the street/town and
 * the competent department).
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
        if (s.isNomination()) {
            return Description.of(orgs.nameOf(s.getOrgCode()).orElse(s.getOrgCode()) + " 提名 "
                    + s.getPostType().label() + " " + s.getCandidateName() + " " + s.getAction().label(),
                    Arrays.asList(s.getOrgCode(), s.getDeptCode()));
        }
        String subject = orgs.nameOf(s.getOrgCode()).orElse(s.getOrgCode()) + " 建议 "
                + orgs.nameOf(s.getAgencyCode()).orElse(s.getAgencyCode()) + "负责人 "
                + (s.getAction() == null ? "任免" : s.getAction().label());
        return Description.of(subject, Arrays.asList(s.getOrgCode(), s.getAgencyCode(), s.getDeptCode()));
    }

    /** On a task card: what the street suggests, e.g. 街道建议免职 · 东华派出所. */
    @Override
    public String card(Function<String, Object> variable) {
        Object post = variable.apply(SuggestionProcess.POST_TYPE);
        if (post != null && !StreetPost.AGENCY_HEAD.name().equals(post.toString())) {
            return CaseDescriber.join(30, AppointmentCards.action(variable.apply(SuggestionProcess.ACTION), "街道提名"),
                    postLabel(post) + " " + variable.apply(SuggestionProcess.CANDIDATE_NAME));
        }
        return CaseDescriber.join(30, AppointmentCards.action(variable.apply(SuggestionProcess.ACTION), "街道建议"),
                AppointmentCards.agency(orgs, variable.apply(SuggestionProcess.AGENCY_CODE)));
    }

    private static String postLabel(Object code) {
        try {
            return StreetPost.valueOf(code.toString()).label();
        } catch (IllegalArgumentException e) {
            return "街道岗位";
        }
    }
}
