package cn.streetgov.delegation.process;

import cn.streetgov.casework.CaseDescriber;
import cn.streetgov.delegation.domain.DelegationCase;
import cn.streetgov.delegation.domain.DelegationCaseRepository;
import cn.streetgov.delegation.domain.Outcome;
import cn.streetgov.org.OrgDirectory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * How a {@code power-delegation} case is listed: 城市管理和综合执法局 向东华街道、西岭街道下放 3 项权力;
 * it belongs to the proposing department and every street/town it names.
 */
@Component
class DelegationCaseDescriber implements CaseDescriber {

    private final DelegationCaseRepository cases;
    private final OrgDirectory orgs;

    DelegationCaseDescriber(DelegationCaseRepository cases, OrgDirectory orgs) {
        this.cases = cases;
        this.orgs = orgs;
    }

    @Override
    public String processKey() {
        return PowerDelegationProcess.KEY;
    }

    @Override
    public Description describe(Facts facts) {
        DelegationCase c = facts.caseNo() == null ? null : cases.findByCaseNo(facts.caseNo()).orElse(null);
        if (c == null) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        codes.add(c.getDeptCode());
        codes.addAll(c.getTargetOrgCodes());
        String streets = c.getTargetOrgCodes().stream().map(o -> orgs.nameOf(o).orElse(o))
                .collect(Collectors.joining("、"));
        String subject = orgs.nameOf(c.getDeptCode()).orElse(c.getDeptCode()) + " 向" + streets
                + c.getMethod().label() + " " + c.getItemCodes().size() + " 项权力";
        return Description.of(subject, codes);
    }

}
