package cn.streetgov.delegation.process;

import cn.streetgov.casework.CaseDescriber;
import cn.streetgov.common.VariableLists;
import cn.streetgov.delegation.domain.PowerItem;
import cn.streetgov.delegation.domain.PowerCatalog;
import java.util.function.Function;
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
    private final PowerCatalog catalog;

    DelegationCaseDescriber(DelegationCaseRepository cases, OrgDirectory orgs, PowerCatalog catalog) {
        this.catalog = catalog;
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

    /** On a task card: the department and the powers it would delegate, e.g. 城市管理和综合执法局 · 临时占用城市道路审批等 2 项. */
    @Override
    public String card(Function<String, Object> variable) {
        Object dept = variable.apply(PowerDelegationProcess.Vars.DEPT_CODE);
        List<String> items = VariableLists.parse(variable.apply(PowerDelegationProcess.Vars.POWER_ITEM_CODES));
        String powers = items.isEmpty() ? null
                : catalog.findItem(items.get(0)).map(PowerItem::getName).orElse("赋权事项")
                        + (items.size() > 1 ? "等 " + items.size() + " 项" : "");
        return CaseDescriber.join(40, dept == null ? null : orgs.findDepartment(dept.toString()).map(d -> d.getName())
                .orElse(null), powers);
    }
}
