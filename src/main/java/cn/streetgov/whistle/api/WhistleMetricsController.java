package cn.streetgov.whistle.api;

import cn.streetgov.security.CurrentUser;
import cn.streetgov.whistle.WhistleMetricsQuery;
import cn.streetgov.whistle.WhistleMetricsQuery.AgencyFigures;
import cn.streetgov.whistle.WhistleMetricsQuery.CategoryFigures;
import cn.streetgov.whistle.WhistleMetricsQuery.DepartmentFigures;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Figures of whistle dispatch per dispatched agency or department and period (login required). */
@RestController
@RequestMapping("/api/whistles")
class WhistleMetricsController {

    private final WhistleMetricsQuery metrics;

    WhistleMetricsController(WhistleMetricsQuery metrics) {
        this.metrics = metrics;
    }

    /** {@code GET /api/whistles/metrics?period=2026|2026-H2|2026-Q4}; a bad period gives 400. */
    @GetMapping("/metrics")
    List<AgencyFigures> metrics(@RequestParam String period, CurrentUser user) {
        return metrics.figuresByAgency(period);
    }

    /**
     * {@code GET /api/whistles/metrics/departments?period=2026[&org=S01]}: every department of the
     * district, those without an agency in the streets included (zero when never summoned).
     */
    /** {@code GET /api/whistles/metrics/categories?period=2026[&org=S01]}: whistles per category and source. */
    @GetMapping("/metrics/categories")
    List<CategoryFigures> categories(@RequestParam String period, @RequestParam(required = false) String org,
            CurrentUser user) {
        return metrics.figuresByCategory(period, org == null || org.isBlank() ? null : org.trim());
    }

    @GetMapping("/metrics/departments")
    List<DepartmentFigures> departments(@RequestParam String period, @RequestParam(required = false) String org,
            CurrentUser user) {
        return metrics.figuresByDepartment(period, org == null || org.isBlank() ? null : org.trim());
    }
}
