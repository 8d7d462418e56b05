package cn.streetgov.majormatter.process;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseDescriber;
import cn.streetgov.majormatter.domain.MajorMatter;
import cn.streetgov.majormatter.domain.MajorMatterOpinion;
import cn.streetgov.majormatter.domain.MajorMatterService;
import cn.streetgov.org.OrgDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * How a major-matter-consultation case is listed (its type and title) and whose it is: the sending
 * department (the district government has no organisation code) and every affected street/town.
 * Its reports are the streets' opinions, which the sender's answers work from.
 */
@Component
class MajorMatterCaseDescriber implements CaseDescriber {

    private final MajorMatterService matters;
    private final OrgDirectory org;

    MajorMatterCaseDescriber(MajorMatterService matters, OrgDirectory org) {
        this.matters = matters;
        this.org = org;
    }

    @Override
    public String processKey() {
        return MajorMatterProcess.KEY;
    }

    @Override
    public Description describe(Facts facts) {
        MajorMatter matter = facts.caseNo() == null ? null : matters.findByCaseNo(facts.caseNo()).orElse(null);
        if (matter == null) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        if (!MajorMatterService.GOVERNMENT.equals(matter.getSenderCode())) {
            codes.add(matter.getSenderCode());
        }
        codes.addAll(matters.affectedStreets(matter.getId()));
        return Description.of(matter.getMatterType().label() + "：" + matter.getTitle(), codes);
    }

    @Override
    public List<Report> reports(Facts facts) {
        MajorMatter matter = facts.caseNo() == null ? null : matters.findByCaseNo(facts.caseNo()).orElse(null);
        if (matter == null) {
            return List.of();
        }
        List<Report> reports = new ArrayList<>();
        for (MajorMatterOpinion o : matters.opinions(matter.getId())) {
            if (!o.isReceived()) {
                continue;
            }
            String street = org.nameOf(o.getOrgCode()).orElse(o.getOrgCode());
            reports.add(new Report("街道意见：" + street + "（" + o.getOpinion().label() + "）", o.getOrgCode(),
                    o.getSubmittedBy(), o.getSubmittedAt().atZone(CaseClock.zone()).toInstant(),
                    o.getOpinionText() == null ? o.getOpinion().label() : o.getOpinionText()));
        }
        return reports;
    }

    /** On a task card: the type and title, e.g. 规划 · 东华片区控制性详细规划. */
    @Override
    public String card(Function<String, Object> variable) {
        return CaseDescriber.join(40, variable.apply(MajorMatterProcess.Vars.MATTER_TYPE_LABEL),
                variable.apply(MajorMatterProcess.Vars.TITLE));
    }
}
