package cn.streetgov.admission.process;

import cn.streetgov.admission.domain.DutyExitCase;
import cn.streetgov.admission.domain.DutyExits;
import cn.streetgov.admission.process.DutyExitProcess.Vars;
import cn.streetgov.casework.CaseDescriber;
import cn.streetgov.org.OrgDirectory;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** How a duty-exit case is listed: 东华街道 申请退出「…」; it belongs to the street/town and the department. */
@Component
class DutyExitCaseDescriber implements CaseDescriber {

    private final DutyExits exits;
    private final OrgDirectory orgs;

    DutyExitCaseDescriber(DutyExits exits, OrgDirectory orgs) {
        this.exits = exits;
        this.orgs = orgs;
    }

    @Override
    public String processKey() {
        return DutyExitProcess.KEY;
    }

    @Override
    public Description describe(Facts facts) {
        DutyExitCase exit = facts.caseNo() == null ? null : exits.findByCaseNo(facts.caseNo()).orElse(null);
        if (exit == null) {
            return null;
        }
        return Description.of(orgs.nameOf(exit.getOrgCode()).orElse(exit.getOrgCode()) + " 申请退出「"
                + exit.getDutyName() + "」", List.of(exit.getOrgCode(), exit.getDeptCode()));
    }

    /** On a task card: 退出 生活垃圾分类的组织实施 · 东华街道. */
    @Override
    public String card(Function<String, Object> variable) {
        Object duty = variable.apply(Vars.DUTY_NAME);
        Object org = variable.apply(Vars.ORG_CODE);
        return CaseDescriber.join(40, duty == null ? null : "退出 " + duty,
                org == null ? null : orgs.nameOf(org.toString()).orElse(null));
    }
}
