package cn.streetgov.delegation.api;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.delegation.domain.DelegatedPower;
import cn.streetgov.delegation.domain.PowerCatalog;
import cn.streetgov.delegation.domain.PowerItem;
import cn.streetgov.org.OrgDirectory;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The public catalog's entries (赋权事项目录): the powers in force today, with the names and labels a
 * person reads — the one source of {@code GET /api/catalog} and of the page {@code /app/catalog}.
 */
@Component
class CatalogEntries {

    /**
     * One delegated power. The first five fields are CONTRACT.md's; the others are the Chinese names
     * and labels of the codes, the item's category and legal basis, and the date as people read it.
     */
    record CatalogEntry(String itemCode, String itemName, String orgCode, String method, String effectiveDate,
            String orgName, String methodLabel, String category, String categoryLabel, String deptName,
            String legalBasis, String effectiveDateText) {
    }

    private final PowerCatalog catalog;
    private final OrgDirectory org;

    CatalogEntries(PowerCatalog catalog, OrgDirectory org) {
        this.catalog = catalog;
        this.org = org;
    }

    /** The powers in force today, of one street/town (unknown → 404) or of all, by street/town and item. */
    List<CatalogEntry> inForce(String orgCode) {
        List<DelegatedPower> powers = catalog.inForce(orgCode, CaseClock.today());
        Map<String, PowerItem> items = catalog.itemsByCode(powers.stream().map(DelegatedPower::getItemCode).toList())
                .stream().collect(Collectors.toMap(PowerItem::getCode, Function.identity(), (a, b) -> a));
        return powers.stream().map(p -> {
            PowerItem item = items.get(p.getItemCode());
            LocalDate effective = p.getEffectiveDate();
            return new CatalogEntry(p.getItemCode(), item == null ? p.getItemCode() : item.getName(), p.getOrgCode(),
                    p.getMethod().name(), effective.toString(), org.nameOf(p.getOrgCode()).orElse(p.getOrgCode()),
                    p.getMethod().label(), item == null ? null : item.getCategory().name(),
                    item == null ? null : item.getCategory().label(),
                    item == null ? null : org.nameOf(item.getDeptCode()).orElse(item.getDeptCode()),
                    item == null ? null : item.getLegalBasis(), CaseClock.SHOWN_DATE.format(effective));
        }).toList();
    }
}
