package cn.streetgov.delegation.process;

import cn.streetgov.casework.CaseCard;
import cn.streetgov.common.VariableLists;
import cn.streetgov.delegation.domain.PowerCatalog;
import cn.streetgov.delegation.domain.PowerItem;
import cn.streetgov.org.OrgDirectory;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * A delegation on a task card: the department and the powers it would delegate, e.g.
 * 城市管理和综合执法局 · 临时占用城市道路审批等 2 项.
 */
@Component
class DelegationCaseCard implements CaseCard {

    private final OrgDirectory orgs;
    private final PowerCatalog catalog;

    DelegationCaseCard(OrgDirectory orgs, PowerCatalog catalog) {
        this.orgs = orgs;
        this.catalog = catalog;
    }

    @Override
    public String processKey() {
        return PowerDelegationProcess.KEY;
    }

    @Override
    public String describe(Function<String, Object> variable) {
        Object dept = variable.apply(PowerDelegationProcess.Vars.DEPT_CODE);
        List<String> items = VariableLists.parse(variable.apply(PowerDelegationProcess.Vars.POWER_ITEM_CODES));
        String powers = items.isEmpty() ? null
                : catalog.findItem(items.get(0)).map(PowerItem::getName).orElse("赋权事项")
                        + (items.size() > 1 ? "等 " + items.size() + " 项" : "");
        return CaseCard.join(40, dept == null ? null : orgs.findDepartment(dept.toString()).map(d -> d.getName())
                .orElse(null), powers);
    }
}
