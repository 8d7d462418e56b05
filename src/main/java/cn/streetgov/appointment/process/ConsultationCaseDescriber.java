package cn.streetgov.appointment.process;

import cn.streetgov.appointment.domain.ConsultationCase;
import cn.streetgov.appointment.domain.ConsultationCaseRepository;
import cn.streetgov.casework.CaseDescriber;
import java.util.function.Function;
import cn.streetgov.org.OrgDirectory;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * How a {@code cadre-consultation} case is listed: 东华派出所所长 任职 张三; it belongs to the
 * department, its agency and the agency's street/town.
 */
@Component
class ConsultationCaseDescriber implements CaseDescriber {

    private final ConsultationCaseRepository cases;
    private final OrgDirectory orgs;

    ConsultationCaseDescriber(ConsultationCaseRepository cases, OrgDirectory orgs) {
        this.cases = cases;
        this.orgs = orgs;
    }

    @Override
    public String processKey() {
        return ConsultationProcess.KEY;
    }

    @Override
    public Description describe(Facts facts) {
        ConsultationCase c = facts.caseNo() == null ? null : cases.findByCaseNo(facts.caseNo()).orElse(null);
        if (c == null) {
            return null;
        }
        String post = c.getPositionTitle() != null ? c.getPositionTitle()
                : orgs.nameOf(c.getAgencyCode()).orElse(c.getAgencyCode()) + "负责人";
        String subject = Stream.of(post, c.getAction() == null ? null : c.getAction().label(), c.getCandidateName())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
        return Description.of(subject, Arrays.asList(c.getDeptCode(), c.getAgencyCode(), c.getOrgCode()));
    }

    /** On a task card: what is proposed, for which agency and whom, e.g. 任职 · 东华派出所 · 张三 · 所长. */
    @Override
    public String card(Function<String, Object> variable) {
        return CaseDescriber.join(30, AppointmentCards.action(variable.apply(ConsultationProcess.ACTION), ""),
                AppointmentCards.agency(orgs, variable.apply(ConsultationProcess.AGENCY_CODE)),
                variable.apply(ConsultationProcess.CANDIDATE_NAME), variable.apply(ConsultationProcess.POSITION_TITLE));
    }
}
