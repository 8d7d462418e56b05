package cn.streetgov.delegation.domain;

import cn.streetgov.casework.CaseNumbers;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.common.RacePoints;
import cn.streetgov.org.OrgDirectory;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Taking a delegated power back (收回赋权): the department asks, the district government decides. */
@Service
@Transactional
public class PowerRevocations {

    private static final Logger log = LoggerFactory.getLogger(PowerRevocations.class);

    public static final String PREFIX = "SH";

    private final PowerRevocationRepository revocations;
    private final DelegatedPowerRepository powers;
    private final PowerCatalog catalog;
    private final CaseNumbers numbers;
    private final OrgDirectory orgs;

    PowerRevocations(PowerRevocationRepository revocations, DelegatedPowerRepository powers, PowerCatalog catalog,
            CaseNumbers numbers, OrgDirectory orgs) {
        this.revocations = revocations;
        this.powers = powers;
        this.catalog = catalog;
        this.numbers = numbers;
        this.orgs = orgs;
    }

    /** Validates the request (InvalidInputException, nothing written) and records it. */
    public PowerRevocation open(String deptCode, String itemCode, String orgCode, String reason, Set<String> starterGroups,
            String userId) {
        List<String> errors = new ArrayList<>();
        if (deptCode == null || orgs.findActiveDepartment(deptCode).isEmpty()) {
            errors.add("未知或已停用的部门: " + deptCode);
        } else if (starterGroups != null && !starterGroups.contains("dept-" + deptCode)
                && !starterGroups.contains("camunda-admin")) {
            errors.add("只能以本部门的名义申请收回赋权（部门 " + deptCode + "）");
        }
        Optional<PowerItem> item = catalog.findItem(itemCode);
        if (item.isEmpty()) {
            errors.add("未知的权责事项: " + itemCode);
        } else if (deptCode != null && !item.get().getDeptCode().equals(deptCode)) {
            errors.add("事项 " + itemCode + " 属于其他部门，只能收回本部门的事项");
        }
        if (orgCode == null || orgs.findActiveUnit(orgCode).isEmpty()) {
            errors.add("未知或已停用的街道/镇: " + orgCode);
        }
        if (reason == null || reason.isBlank()) {
            errors.add("请填写收回理由");
        }
        Optional<DelegatedPower> power = errors.isEmpty() ? catalog.activePower(itemCode, orgCode) : Optional.empty();
        if (errors.isEmpty() && power.isEmpty()) {
            errors.add("事项 " + itemCode + " 当前未下放至 " + orgCode + "，无需收回");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDateTime now = CaseClock.now();
        PowerRevocation revocation = revocations.save(new PowerRevocation(numbers.next(PREFIX),
                power.get().getId(), deptCode, reason.trim(), userId, now));
        log.info("收回赋权申请 {}: {} × {}", revocation.getRevocationNo(), itemCode, orgCode);
        return revocation;
    }

    @Transactional(readOnly = true)
    public PowerRevocation require(Long id) {
        return revocations.findById(id).orElseThrow(() -> new NotFoundException("未知的收回赋权申请: " + id));
    }

    public void attachProcess(Long id, String processInstanceId) {
        require(id).setProcessInstanceId(processInstanceId);
    }

    public void decide(Long id, String decision, String comment, String userId, String org) {
        require(id).decide(decision, DelegationCases.blankToNull(comment), userId, org, CaseClock.now());
    }

    /** Where two revocations of the same power may collide (tests hold both there). */
    public static final String RACE_REVOCATION = "delegation.revocation";

    /**
     * Takes the power out of the catalog. Two revocations of one power decided at the same moment
     * both change the power's row: its version lets the first win and the second fail (409, retry);
     * retried, the second finds the power revoked and leaves it with the first revocation.
     */
    public DelegatedPower revoke(Long id) {
        PowerRevocation revocation = require(id);
        DelegatedPower power = powers.findById(revocation.getDelegatedPowerId()).orElseThrow();
        RacePoints.reached(RACE_REVOCATION);
        if (power.revoke(id, CaseClock.now())) {
            log.info("已收回赋权 {} × {}（{}）", power.getItemCode(), power.getOrgCode(), revocation.getRevocationNo());
        } else {
            log.info("赋权 {} × {} 已由其他申请收回，{} 无需再收回", power.getItemCode(), power.getOrgCode(),
                    revocation.getRevocationNo());
        }
        revocation.markRevoked();
        return power;
    }

    @Transactional(readOnly = true)
    public String summary(Long id) {
        PowerRevocation r = require(id);
        DelegatedPower p = powers.findById(r.getDelegatedPowerId()).orElseThrow();
        String itemName = catalog.findItem(p.getItemCode()).map(PowerItem::getName).orElse(p.getItemCode());
        String orgName = orgs.findUnit(p.getOrgCode()).map(u -> u.getName()).orElse(p.getOrgCode());
        String deptName = orgs.findDepartment(r.getDeptCode()).map(d -> d.getName()).orElse(r.getDeptCode());
        return "申请编号：" + r.getRevocationNo() + "\n申请部门：" + deptName + "（" + r.getDeptCode() + "）\n"
                + "收回事项：" + p.getItemCode() + " " + itemName + "\n街道/镇：" + orgName + "（" + p.getOrgCode() + "）\n"
                + "赋权方式：" + p.getMethod().label() + "，自 " + p.getEffectiveDate() + " 起生效\n"
                + "收回理由：" + r.getReason() + "\n";
    }
}
