package cn.streetgov.admission.domain;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.OrgUnit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The streets' duty lists (履职清单): the current list and its history, the base list every
 * street/town starts with, and the two changes the workflows make (a duty admitted, a duty handed
 * back), each of which publishes the street's next list version.
 */
@Service
public class DutyLists {

    private static final Logger log = LoggerFactory.getLogger(DutyLists.class);

    /** A list version with the duties on it. */
    public record ListView(OrgUnit org, DutyListVersion version, List<DutyItem> items) {
    }

    private final DutyItemRepository items;
    private final DutyListVersionRepository versions;
    private final OrgDirectory org;
    private final JdbcTemplate jdbc;

    DutyLists(DutyItemRepository items, DutyListVersionRepository versions, OrgDirectory org, JdbcTemplate jdbc) {
        this.items = items;
        this.versions = versions;
        this.org = org;
        this.jdbc = jdbc;
    }

    /** The list in force of a street/town (404 for an unknown one). */
    @Transactional(readOnly = true)
    public ListView current(String orgCode) {
        OrgUnit unit = requireOrg(orgCode);
        DutyListVersion version = versions.findFirstByOrgCodeOrderByListVersionDesc(unit.getCode()).orElse(null);
        return new ListView(unit, version, items.findByOrgCodeAndRemovedInVersionIsNullOrderByIdAsc(unit.getCode()));
    }

    /** Every version of a street's list, oldest first. */
    @Transactional(readOnly = true)
    public List<DutyListVersion> versions(String orgCode) {
        return versions.findByOrgCodeOrderByListVersionAsc(requireOrg(orgCode).getCode());
    }

    /** Every duty a street's list ever held (for the history: which ones each version added or removed). */
    @Transactional(readOnly = true)
    public List<DutyItem> everItem(String orgCode) {
        return items.findByOrgCodeOrderByIdAsc(requireOrg(orgCode).getCode());
    }

    /** The duty {@code code} on the current list of the street/town, if it is there. */
    @Transactional(readOnly = true)
    public Optional<DutyItem> currentItem(String orgCode, String code) {
        return items.findByOrgCodeAndCode(orgCode, code).filter(i -> i.getRemovedInVersion() == null);
    }

    /** The duty on the current list with this name (spaces ignored), if the street already has it. */
    @Transactional(readOnly = true)
    public Optional<DutyItem> listedByName(String orgCode, String name) {
        String wanted = normalise(name);
        return items.findByOrgCodeAndRemovedInVersionIsNullOrderByIdAsc(orgCode).stream()
                .filter(i -> normalise(i.getName()).equals(wanted)).findFirst();
    }

    /** Version 1 from the district's base list for a street/town that has no list yet; whether it wrote one. */
    @Transactional
    public boolean seedBaseList(String orgCode) {
        lockList(orgCode);
        if (versions.existsByOrgCode(orgCode)) {
            return false;
        }
        LocalDateTime now = CaseClock.now();
        versions.save(new DutyListVersion(orgCode, 1, now, null, "基础履职清单"));
        // columns by position: code, name, category, dept_code
        jdbc.query("select code, name, category, dept_code from duty_base_item order by sort_order", rs -> {
            items.save(new DutyItem(orgCode, rs.getString(1), rs.getString(2),
                    DutyCategory.valueOf(rs.getString(3)), DutySource.ORIGINAL, null, rs.getString(4),
                    0, BigDecimal.ZERO, null, now.toLocalDate(), 1));
        });
        log.info("履职清单: {} 第 1 版（基础清单）", orgCode);
        return true;
    }

    /** Adds an admitted duty to the street's list as its next version; returns the new item. */
    @Transactional
    public DutyItem admit(String orgCode, String caseNo, String name, DutyCategory category, String deptCode, int staff,
            BigDecimal funds, String conditions, LocalDate validFrom) {
        int version = publish(orgCode, caseNo, "准入：" + name);
        DutyItem item = items.save(new DutyItem(orgCode, caseNo, name, category, DutySource.ADMITTED, caseNo, deptCode,
                staff, funds, conditions, validFrom, version));
        log.info("履职清单: {} 第 {} 版 准入 {} ({})", orgCode, version, name, caseNo);
        return item;
    }

    /** Takes a duty off the street's list as its next version (退出). */
    @Transactional
    public void remove(String orgCode, String code, String caseNo) {
        DutyItem item = currentItem(orgCode, code)
                .orElseThrow(() -> new NotFoundException("履职清单中没有事项 " + code));
        int version = publish(orgCode, caseNo, "退出：" + item.getName());
        item.remove(version, caseNo);
        log.info("履职清单: {} 第 {} 版 退出 {} ({})", orgCode, version, item.getName(), caseNo);
    }

    private int publish(String orgCode, String caseNo, String note) {
        lockList(orgCode);
        int next = versions.findFirstByOrgCodeOrderByListVersionDesc(orgCode).map(DutyListVersion::getListVersion)
                .orElse(0) + 1;
        versions.save(new DutyListVersion(orgCode, next, CaseClock.now(), caseNo, note.length() > 300
                ? note.substring(0, 300) : note));
        return next;
    }

    /**
     * One change of a street's list at a time (two cases admitting to the same street at once, two
     * nodes seeding at start-up): the street's row in the organisation model is locked until the
     * change commits, so that the next version number is read after the other change's.
     */
    private void lockList(String orgCode) {
        jdbc.queryForList("select code from org_unit where code = ? for update", String.class, orgCode);
    }

    private OrgUnit requireOrg(String orgCode) {
        return org.findUnit(orgCode).orElseThrow(() -> new NotFoundException("未知的街道/镇: " + orgCode));
    }

    /** A duty's name as compared: without spaces of any kind. */
    public static String normalise(String name) {
        return name == null ? "" : name.replaceAll("[\\s\\u3000]+", "");
    }
}
