package cn.streetgov.delegation.process;

import cn.streetgov.casework.CaseDescriber;
import java.util.function.Function;
import cn.streetgov.delegation.domain.PowerCatalog;
import cn.streetgov.delegation.domain.PowerItem;
import cn.streetgov.delegation.process.PowerRevocationProcess.Vars;
import cn.streetgov.org.OrgDirectory;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How a {@code power-revocation} case is listed: 城市管理和综合执法局 收回东华街道的「…」; it belongs
 * to the department and the street/town.
 */
@Component
class RevocationCaseDescriber implements CaseDescriber {

    private final PowerCatalog catalog;
    private final OrgDirectory orgs;

    RevocationCaseDescriber(PowerCatalog catalog, OrgDirectory orgs) {
        this.catalog = catalog;
        this.orgs = orgs;
    }

    @Override
    public String processKey() {
        return PowerRevocationProcess.KEY;
    }

    @Override
    public Description describe(Facts facts) {
        String dept = facts.text(Vars.DEPT_CODE);
        String org = facts.text(Vars.ORG_CODE);
        String item = facts.text(Vars.ITEM_CODE);
        if (dept == null || org == null || item == null) {
            return null;
        }
        String itemName = catalog.findItem(item).map(PowerItem::getName).orElse(item);
        return Description.of(orgs.nameOf(dept).orElse(dept) + " 收回" + orgs.nameOf(org).orElse(org) + "的「"
                + itemName + "」", List.of(dept, org));
    }

    /** On a task card: the power and the street/town, e.g. 收回 临时占用城市道路审批 · 东华街道. */
    @Override
    public String card(Function<String, Object> variable) {
        Object item = variable.apply(Vars.ITEM_CODE);
        Object org = variable.apply(Vars.ORG_CODE);
        String power = item == null ? null
                : catalog.findItem(item.toString()).map(PowerItem::getName).map(name -> "收回 " + name).orElse(null);
        return CaseDescriber.join(40, power, org == null ? null : orgs.findUnit(org.toString()).map(u -> u.getName())
                .orElse(null));
    }
}
