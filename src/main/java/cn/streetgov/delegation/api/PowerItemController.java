package cn.streetgov.delegation.api;

import cn.streetgov.delegation.domain.PowerCatalog;
import cn.streetgov.delegation.domain.PowerItem;
import cn.streetgov.security.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The district's power catalog (login required): {@code GET /api/power-items[?dept=CGZF]}. */
@RestController
class PowerItemController {

    record PowerItemView(String code, String name, String category, String domain, String deptCode,
            String legalBasis) {

        static PowerItemView of(PowerItem item) {
            return new PowerItemView(item.getCode(), item.getName(), item.getCategory().name(),
                    item.getDomain().name(), item.getDeptCode(), item.getLegalBasis());
        }
    }

    private final PowerCatalog catalog;

    PowerItemController(PowerCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/power-items")
    List<PowerItemView> powerItems(CurrentUser user, @RequestParam(name = "dept", required = false) String dept) {
        return catalog.items(dept).stream().map(PowerItemView::of).toList();
    }
}
