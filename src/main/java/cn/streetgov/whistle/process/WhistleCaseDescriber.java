package cn.streetgov.whistle.process;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseDescriber;
import java.util.function.Function;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.whistle.domain.WhistleCase;
import cn.streetgov.whistle.domain.WhistleCaseService;
import cn.streetgov.whistle.domain.WhistleSummons;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How a {@code whistle-dispatch} case is listed (its summary) and whose it is: the street/town that
 * blew the whistle and every summoned department and agency. Its reports are the summoned
 * departments' 报到 notes, which the street's joint handling works from.
 */
@Component
class WhistleCaseDescriber implements CaseDescriber {

    private final WhistleCaseService cases;
    private final OrgDirectory orgs;

    WhistleCaseDescriber(WhistleCaseService cases, OrgDirectory orgs) {
        this.cases = cases;
        this.orgs = orgs;
    }

    @Override
    public String processKey() {
        return WhistleProcess.KEY;
    }

    @Override
    public Description describe(Facts facts) {
        WhistleCase whistle = facts.caseNo() == null ? null : cases.findByCaseNo(facts.caseNo()).orElse(null);
        if (whistle == null) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        codes.add(whistle.getOrgCode());
        for (WhistleSummons summons : cases.summonses(whistle.getId())) {
            codes.add(summons.getDeptCode());
            codes.add(summons.getAgencyCode());
        }
        return Description.of(whistle.getSummary(), codes);
    }


    @Override
    public List<Report> reports(Facts facts) {
        WhistleCase whistle = facts.caseNo() == null ? null : cases.findByCaseNo(facts.caseNo()).orElse(null);
        if (whistle == null) {
            return List.of();
        }
        List<Report> reports = new ArrayList<>();
        for (WhistleSummons summons : cases.summonses(whistle.getId())) {
            if (summons.getReportedAt() == null) {
                continue;
            }
            String dept = orgs.nameOf(summons.getDeptCode()).orElse(summons.getDeptCode());
            reports.add(new Report("部门报到：" + dept + (summons.isLate() ? "（逾期）" : ""),
                    summons.getAgencyCode() != null ? summons.getAgencyCode() : summons.getDeptCode(),
                    summons.getReportedBy(), summons.getReportedAt().atZone(CaseClock.zone()).toInstant(),
                    summons.getReportNote()));
        }
        return reports;
    }

    /** On a task card: the urgency and what it is about, e.g. 紧急 · 东华路夜市占道经营. */
    @Override
    public String card(Function<String, Object> variable) {
        return CaseDescriber.join(40, variable.apply(WhistleProcess.Vars.URGENCY_LABEL),
                variable.apply(WhistleProcess.Vars.SUMMARY));
    }
}
