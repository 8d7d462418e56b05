package cn.streetgov.delegation.api;

import cn.streetgov.delegation.api.CatalogEntries.CatalogEntry;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public catalog of delegated powers (制定目录向社会公布), no login:
 * {@code GET /api/catalog[?org=S01]} lists the powers in force today, with their Chinese names and
 * labels beside the codes. Unknown org → 404. The same as a page: {@code /app/catalog}.
 */
@RestController
class CatalogController {

    private final CatalogEntries entries;

    CatalogController(CatalogEntries entries) {
        this.entries = entries;
    }

    @GetMapping("/api/catalog")
    List<CatalogEntry> catalog(@RequestParam(name = "org", required = false) String org) {
        return entries.inForce(org);
    }
}
