package cn.streetgov.delegation.api;

import cn.streetgov.delegation.domain.DelegatedPower;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.delegation.domain.PowerCatalog;
import cn.streetgov.delegation.domain.PowerItem;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public catalog of delegated powers (制定目录向社会公布), no login:
 * {@code GET /api/catalog[?org=S01]} lists the powers in force today. Unknown org → 404.
 */
@RestController
class CatalogController {

    record CatalogEntry(String itemCode, String itemName, String orgCode, String method, String effectiveDate) {
    }

    private final PowerCatalog catalog;

    CatalogController(PowerCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/catalog")
    List<CatalogEntry> catalog(@RequestParam(name = "org", required = false) String org) {
        List<DelegatedPower> powers = catalog.inForce(org, CaseClock.today());
        Map<String, String> names = catalog.itemsByCode(powers.stream().map(DelegatedPower::getItemCode).toList())
                .stream().collect(Collectors.toMap(PowerItem::getCode, PowerItem::getName, (a, b) -> a));
        return powers.stream().map(p -> new CatalogEntry(p.getItemCode(),
                names.getOrDefault(p.getItemCode(), p.getItemCode()), p.getOrgCode(), p.getMethod().name(),
                p.getEffectiveDate().toString())).toList();
    }
}
