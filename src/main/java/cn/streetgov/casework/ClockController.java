package cn.streetgov.casework;

import java.time.OffsetDateTime;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The district's clock as the pages need it to show times the same way everywhere: {@code GET
 * /api/clock} answers the zone every time is shown in ({@code app.zone}), its Chinese name and the
 * time now, e.g. {@code {"zone":"Asia/Shanghai","zoneLabel":"北京时间","now":"2026-12-02T10:00:00+08:00"}}.
 * The Tasklist plugin shows Tasklist's own times (due dates, creation times) in this zone, whatever
 * the zone of the browser.
 */
@RestController
class ClockController {

    record Clock(String zone, String zoneLabel, OffsetDateTime now) {
    }

    @GetMapping("/api/clock")
    Clock clock() {
        String zone = CaseClock.zone().getId();
        OffsetDateTime now = CaseClock.now().atZone(CaseClock.zone()).toOffsetDateTime().withNano(0);
        return new Clock(zone, label(zone), now);
    }

    static String label(String zone) {
        return switch (zone) {
            case "Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "PRC" -> "北京时间";
            default -> zone;
        };
    }
}
