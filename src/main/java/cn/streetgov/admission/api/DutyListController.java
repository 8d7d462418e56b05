package cn.streetgov.admission.api;

import cn.streetgov.admission.domain.DutyItem;
import cn.streetgov.admission.domain.DutyListVersion;
import cn.streetgov.admission.domain.DutyLists;
import cn.streetgov.admission.domain.DutyLists.ListView;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.org.OrgDirectory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The streets' duty lists (履职清单), public like the power catalog (依清单履职、照清单办事): no login.
 * {@code GET /api/duties?org=S01} is the list in force with its version; {@code GET
 * /api/duties/versions?org=S01} every version with what it added and removed. Missing org → 400,
 * unknown org → 404.
 */
@RestController
class DutyListController {

    record DutyView(String code, String name, String category, String categoryLabel, String source,
            String sourceLabel, String deptCode, String deptName, int staff, BigDecimal funds, String conditions,
            String caseNo, LocalDate since) {
    }

    record ListResponse(String orgCode, String orgName, Integer version, LocalDateTime publishedAt,
            List<DutyView> items) {
    }

    record VersionView(int version, LocalDateTime publishedAt, String caseNo, String note, int itemCount,
            List<String> added, List<String> removed) {
    }

    private final DutyLists lists;
    private final OrgDirectory org;

    DutyListController(DutyLists lists, OrgDirectory org) {
        this.lists = lists;
        this.org = org;
    }

    @GetMapping("/api/duties")
    ListResponse current(@RequestParam(name = "org", required = false) String orgCode) {
        ListView list = lists.current(required(orgCode));
        DutyListVersion version = list.version();
        return new ListResponse(list.org().getCode(), list.org().getName(),
                version == null ? null : version.getListVersion(), version == null ? null : version.getPublishedAt(),
                list.items().stream().map(this::view).toList());
    }

    @GetMapping("/api/duties/versions")
    List<VersionView> versions(@RequestParam(name = "org", required = false) String orgCode) {
        String code = required(orgCode);
        List<DutyItem> items = lists.everItem(code);
        return lists.versions(code).stream().map(v -> {
            int n = v.getListVersion();
            return new VersionView(n, v.getPublishedAt(), v.getCaseNo(), v.getChangeNote(),
                    (int) items.stream().filter(i -> i.inVersion(n)).count(),
                    items.stream().filter(i -> i.getAddedInVersion() == n).map(DutyItem::getName).toList(),
                    items.stream().filter(i -> Integer.valueOf(n).equals(i.getRemovedInVersion()))
                            .map(DutyItem::getName).toList());
        }).toList();
    }

    private DutyView view(DutyItem item) {
        String dept = item.getDeptCode();
        return new DutyView(item.getCode(), item.getName(), item.getCategory().name(), item.getCategory().label(),
                item.getSource().name(), item.getSource().label(), dept,
                dept == null ? null : org.nameOf(dept).orElse(dept), item.getStaff(), item.getFunds(),
                item.getConditions(), item.getCaseNo(), item.getValidFrom());
    }

    private static String required(String orgCode) {
        if (orgCode == null || orgCode.isBlank()) {
            throw new InvalidInputException("请用参数 org 指定街道/镇，例如 /api/duties?org=S01");
        }
        return orgCode.strip();
    }
}
