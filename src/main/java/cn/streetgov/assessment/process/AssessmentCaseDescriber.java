package cn.streetgov.assessment.process;

import cn.streetgov.assessment.domain.AssessmentCase;
import cn.streetgov.assessment.domain.AssessmentPeriod;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.domain.CaseStatus;
import cn.streetgov.assessment.domain.Grade;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseDescriber;
import java.util.function.Function;
import cn.streetgov.org.OrgDirectory;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How an {@code agency-assessment-case} is listed: 2026年度 东华街道 对 东华派出所 考核; it belongs to
 * the street/town, the agency and its department; its result is the grade (the process keeps no
 * {@code outcome}). The agency's self-evaluation report is what the street's scoring works from.
 */
@Component
class AssessmentCaseDescriber implements CaseDescriber {


    private final AssessmentService assessments;
    private final OrgDirectory orgs;

    AssessmentCaseDescriber(AssessmentService assessments, OrgDirectory orgs) {
        this.assessments = assessments;
        this.orgs = orgs;
    }

    @Override
    public String processKey() {
        return AssessmentCaseProcess.KEY;
    }

    @Override
    public Description describe(Facts facts) {
        AssessmentCase c = facts.caseNo() == null ? null : assessments.findCase(facts.caseNo()).orElse(null);
        if (c == null) {
            return null;
        }
        String subject = AssessmentPeriod.label(c.getPeriod()) + " " + orgs.nameOf(c.getOrgCode()).orElse(c.getOrgCode())
                + " 对 " + orgs.nameOf(c.getAgencyCode()).orElse(c.getAgencyCode()) + " 考核";
        Description description = Description.of(subject,
                Arrays.asList(c.getOrgCode(), c.getAgencyCode(), c.getDeptCode()));
        return c.getStatus() == CaseStatus.FINAL && c.getGrade() != null
                ? description.withOutcome(c.getGrade().name()) : description;
    }


    @Override
    public List<Report> reports(Facts facts) {
        AssessmentCase c = facts.caseNo() == null ? null : assessments.findCase(facts.caseNo()).orElse(null);
        if (c == null || c.getSelfReport() == null) {
            return List.of();
        }
        return List.of(new Report("派驻机构自评" + (c.getSelfScore() == null ? "" : "（自评 " + c.getSelfScore() + " 分）"),
                c.getAgencyCode(), c.getSelfBy(),
                c.getSelfAt() == null ? null : c.getSelfAt().atZone(CaseClock.zone()).toInstant(), c.getSelfReport()));
    }

    /** On a task card: the agency and the period, e.g. 东华派出所 · 2026年度. */
    @Override
    public String card(Function<String, Object> variable) {
        Object period = variable.apply(AssessmentCaseProcess.Vars.PERIOD);
        return CaseDescriber.join(30, variable.apply(AssessmentCaseProcess.Vars.AGENCY_NAME),
                period == null ? null : AssessmentPeriod.label(period.toString()));
    }
}
