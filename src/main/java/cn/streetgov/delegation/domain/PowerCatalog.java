package cn.streetgov.delegation.domain;

import cn.streetgov.org.OrgDirectory;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The district's power catalog and the public catalog of delegated powers per street/town. */
@Service
@Transactional(readOnly = true)
public class PowerCatalog {

    private final PowerItemRepository items;
    private final DelegatedPowerRepository powers;
    private final OrgDirectory orgs;

    PowerCatalog(PowerItemRepository items, DelegatedPowerRepository powers, OrgDirectory orgs) {
        this.items = items;
        this.powers = powers;
        this.orgs = orgs;
    }

    /** The catalog, or one department's part of it (unknown department → 404). */
    public List<PowerItem> items(String deptCode) {
        if (deptCode == null || deptCode.isBlank()) {
            return items.findAllByOrderByCodeAsc();
        }
        orgs.requireDepartment(deptCode);
        return items.findByDeptCodeOrderByCodeAsc(deptCode);
    }

    public Optional<PowerItem> findItem(String code) {
        return code == null ? Optional.empty() : items.findById(code);
    }

    public List<PowerItem> itemsByCode(Collection<String> codes) {
        return items.findAllById(codes);
    }

    /** Delegated powers in force on {@code day}, of one street/town (unknown → 404) or of all. */
    public List<DelegatedPower> inForce(String orgCode, LocalDate day) {
        if (orgCode != null && !orgCode.isBlank()) {
            orgs.requireUnit(orgCode);
        }
        return powers.findByStatusOrderByOrgCodeAscItemCodeAsc(DelegatedPower.Status.ACTIVE).stream()
                .filter(p -> p.inForceOn(day))
                .filter(p -> orgCode == null || orgCode.isBlank() || p.getOrgCode().equals(orgCode))
                .toList();
    }

    /**
     * Locks the catalog items until the transaction ends, so that publications and revocations of
     * an item take their turns: what one of them reads in force afterwards stays so until it ends.
     */
    @Transactional
    public void lockItems(Collection<String> codes) {
        if (!codes.isEmpty()) {
            items.lockByCodes(new TreeSet<>(codes));
        }
    }

    /** Every power delegated and not revoked (also those whose effective date is still to come), by street/town and item. */
    public List<DelegatedPower> activePowers() {
        return powers.findByStatusOrderByOrgCodeAscItemCodeAsc(DelegatedPower.Status.ACTIVE);
    }

    public Optional<DelegatedPower> activePower(String itemCode, String orgCode) {
        return powers.findByItemCodeAndOrgCodeAndStatus(itemCode, orgCode, DelegatedPower.Status.ACTIVE).stream()
                .findFirst();
    }

    public List<DelegatedPower> publishedBy(Long caseId) {
        return powers.findByCaseIdOrderByOrgCodeAscItemCodeAsc(caseId);
    }
}
