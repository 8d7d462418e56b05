package cn.streetgov.delegation.process;

import cn.streetgov.casework.CaseCard;
import cn.streetgov.delegation.domain.PowerCatalog;
import cn.streetgov.delegation.domain.PowerItem;
import cn.streetgov.org.OrgDirectory;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** A revocation on a task card: the power and the street/town, e.g. 收回 临时占用城市道路审批 · 东华街道. */
@Component
class RevocationCaseCard implements CaseCard {

    private final OrgDirectory orgs;
    private final PowerCatalog catalog;

    RevocationCaseCard(OrgDirectory orgs, PowerCatalog catalog) {
        this.orgs = orgs;
        this.catalog = catalog;
    }

    @Override
    public String processKey() {
        return PowerRevocationProcess.KEY;
    }

    @Override
    public String describe(Function<String, Object> variable) {
        Object item = variable.apply(PowerRevocationProcess.Vars.ITEM_CODE);
        Object org = variable.apply(PowerRevocationProcess.Vars.ORG_CODE);
        String power = item == null ? null
                : catalog.findItem(item.toString()).map(PowerItem::getName).map(name -> "收回 " + name).orElse(null);
        return CaseCard.join(40, power, org == null ? null : orgs.findUnit(org.toString()).map(u -> u.getName())
                .orElse(null));
    }
}
