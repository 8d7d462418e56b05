package cn.streetgov.delegation.domain;

import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.CaseNotification;
import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.Notice;
import cn.streetgov.casework.Notifications;
import cn.streetgov.casework.CaseNumbers;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.common.RacePoints;
import cn.streetgov.org.GroupCatalog;
import cn.streetgov.org.GroupCatalog.GroupDefinition;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.OrgUnit;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business record of delegation cases: proposal, pairs, reminders, publication. The decisions
 * are the kernel's record ({@link DecisionRecord}), read here for the case text and the API.
 */
@Service
@Transactional
public class DelegationCases {

    private static final Logger log = LoggerFactory.getLogger(DelegationCases.class);

    public static final String CASE_PREFIX = "FQ";

    /** The rule's answer for one item x target. */
    public record PairResult(String itemCode, String orgCode, boolean eligible, String reason,
            boolean legalReviewRequired) {
    }

    private final DelegationCaseRepository cases;
    private final DelegationPairRepository pairs;
    private final DecisionRecord decisions;
    private final Notifications notifications;
    private final DelegatedPowerRepository powers;
    private final PowerCatalog catalog;
    private final CaseNumbers numbers;
    private final OrgDirectory orgs;
    private final GroupCatalog groups;

    DelegationCases(DelegationCaseRepository cases, DelegationPairRepository pairs, DecisionRecord decisions,
            Notifications notifications, DelegatedPowerRepository powers, PowerCatalog catalog,
            CaseNumbers numbers, OrgDirectory orgs, GroupCatalog groups) {
        this.cases = cases;
        this.pairs = pairs;
        this.decisions = decisions;
        this.notifications = notifications;
        this.powers = powers;
        this.catalog = catalog;
        this.numbers = numbers;
        this.orgs = orgs;
        this.groups = groups;
    }

    /** Validates the proposal (InvalidInputException, nothing written) and opens the case. */
    public DelegationCase open(ProposalValidator.RawProposal raw, Set<String> starterGroups, String userId) {
        DelegationProposal proposal = validator().validate(raw, starterGroups, CaseClock.today());
        LocalDateTime now = CaseClock.now();
        String caseNo = numbers.next(CASE_PREFIX, CaseClock.year());
        DelegationCase opened = cases.save(new DelegationCase(caseNo, proposal, userId, now));
        log.info("赋权申请 {} 已受理: 部门 {}, 事项 {}, 街道/镇 {}", caseNo, proposal.deptCode(),
                proposal.itemCodes(), proposal.targetOrgCodes());
        return opened;
    }

    ProposalValidator validator() {
        return new ProposalValidator(catalog::findItem, code -> orgs.findActiveDepartment(code).isPresent(),
                code -> orgs.findActiveUnit(code).isPresent());
    }

    @Transactional(readOnly = true)
    public DelegationCase require(Long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new NotFoundException("未知的赋权案件: " + caseId));
    }

    @Transactional(readOnly = true)
    public DelegationCase requireByNo(String caseNo) {
        return cases.findByCaseNo(caseNo).orElseThrow(() -> new NotFoundException("未知的赋权案件: " + caseNo));
    }

    public void attachProcess(Long caseId, String processInstanceId) {
        require(caseId).setProcessInstanceId(processInstanceId);
    }

    /** Replaces the pairs of the case by the rule's answers. */
    public void recordEligibility(Long caseId, List<PairResult> results) {
        DelegationCase c = require(caseId);
        pairs.deleteByCaseId(caseId);
        pairs.flush();
        for (PairResult r : results) {
            pairs.save(new DelegationPair(caseId, r.itemCode(), r.orgCode(), r.eligible(), r.reason(),
                    r.eligible() && r.legalReviewRequired()));
        }
        c.setLegalReviewRequired(results.stream().anyMatch(r -> r.eligible() && r.legalReviewRequired()));
        c.setStatus(CaseStatus.IN_REVIEW);
    }

    /**
     * No item × street/town passed the rules (DMN {@code delegation-eligibility}): the official who
     * proposed the case is told so ({@link NoticeKind#REJECTED_BY_RULES}), with the rules' reason for
     * each item and the streets/towns it names.
     */
    public void tellRejectedByRules(Long caseId) {
        DelegationCase c = require(caseId);
        if (c.getCreatedBy() == null) {
            return;
        }
        Map<ItemReason, List<String>> orgsByReason = new LinkedHashMap<>();
        for (DelegationPair pair : pairs(caseId)) {
            String item = catalog.findItem(pair.getItemCode()).map(PowerItem::getName).orElse("所选事项");
            String reason = pair.getEligibilityReason() == null ? "不符合下放条件" : pair.getEligibilityReason();
            orgsByReason.computeIfAbsent(new ItemReason(item, reason), key -> new ArrayList<>())
                    .add(orgs.findUnit(pair.getOrgCode()).map(OrgUnit::getName).orElse("所选街道/镇"));
        }
        String reasons = orgsByReason.entrySet().stream().map(e -> "「" + e.getKey().item() + "」（"
                + String.join("、", e.getValue()) + "）：" + e.getKey().reason()).collect(Collectors.joining("；"));
        notifications.send(Notice.toUser(c.getCaseNo(), c.getProcessInstanceId(), NoticeKind.REJECTED_BY_RULES,
                c.getCreatedBy(), "您提出的赋权申请 " + c.getCaseNo() + " 未通过下放规则审查，已按未通过办结。原因："
                        + reasons + "。"));
    }

    private record ItemReason(String item, String reason) {
    }

    @Transactional(readOnly = true)
    public List<DelegationPair> pairs(Long caseId) {
        return pairs.findByCaseIdOrderByOrgCodeAscItemCodeAsc(caseId);
    }

    /** Targets with at least one eligible item: each assesses its capacity. */
    @Transactional(readOnly = true)
    public List<String> capacityTargets(Long caseId) {
        return pairs(caseId).stream().filter(DelegationPair::isEligible).map(DelegationPair::getOrgCode).distinct().toList();
    }

    /** Targets that accepted at least one eligible item. */
    @Transactional(readOnly = true)
    public List<String> acceptedTargets(Long caseId) {
        return pairs(caseId).stream().filter(DelegationPair::isAccepted).map(DelegationPair::getOrgCode).distinct().toList();
    }

    /** A target's capacity decision (recorded by the kernel) applies to all its eligible items of the case. */
    public void recordCapacity(Long caseId, String orgCode, String decision) {
        require(caseId);
        for (DelegationPair pair : pairs.findByCaseIdAndOrgCode(caseId, orgCode)) {
            if (pair.isEligible()) {
                pair.decideCapacity(decision);
            }
        }
    }

    /** The department's revision of the text of the case (items and targets stay). */
    public void revise(Long caseId, String legalBasis, String reason, Object staffingTransfer, Object effectiveDate) {
        DelegationCase c = require(caseId);
        List<String> errors = new ArrayList<>();
        if (legalBasis == null || legalBasis.isBlank()) {
            errors.add("请填写法律依据");
        }
        if (reason == null || reason.isBlank()) {
            errors.add("请填写下放理由");
        }
        Integer staffing = ProposalValidator.parseStaffing(staffingTransfer, errors);
        LocalDate effective = ProposalValidator.parseEffectiveDate(effectiveDate, CaseClock.today(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        c.revise(legalBasis.trim(), reason.trim(), staffing, effective);
    }

    public void setStatus(Long caseId, CaseStatus status) {
        require(caseId).setStatus(status);
    }

    public void close(Long caseId, Outcome outcome) {
        require(caseId).close(outcome, CaseClock.now());
        log.info("赋权案件 {} 办结: {}", caseId, outcome.label());
    }

    /** Where two publications of the same item x street/town may collide (tests hold both there). */
    public static final String RACE_PUBLICATION = "delegation.publication";

    /**
     * What publication did: the powers that entered the catalog, or, when an accepted item x
     * street/town was already in force, nothing ({@code refusal} says why, in Chinese).
     */
    public record Publication(List<DelegatedPower> published, String refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    /**
     * Publishes the accepted pairs to the catalog, effective from the case's effective date, or none
     * of them when one is already in force (another case published it after this one was checked):
     * the case then closes as REJECTED with the reason. The catalog items are locked first, so two
     * cases publishing the same item take their turns and the second sees the first's powers. Never
     * throws for a conflict (it would roll back the engine's transaction): the caller decides.
     */
    public Publication publish(Long caseId) {
        DelegationCase c = require(caseId);
        List<DelegationPair> accepted = pairs(caseId).stream().filter(DelegationPair::isAccepted).toList();
        RacePoints.reached(RACE_PUBLICATION);
        catalog.lockItems(accepted.stream().map(DelegationPair::getItemCode).toList());
        LocalDateTime now = CaseClock.now();
        List<String> inForce = new ArrayList<>();
        for (DelegationPair pair : accepted) {
            catalog.activePower(pair.getItemCode(), pair.getOrgCode()).ifPresent(power -> inForce.add(
                    describeInForce(power)));
        }
        if (!inForce.isEmpty()) {
            String refusal = "赋权事项已在赋权目录中生效，不能重复公布：" + String.join("；", inForce)
                    + "。本案未公布任何事项，如仍需下放其余事项，请重新提出申请";
            c.close(Outcome.REJECTED, now, refusal);
            log.warn("赋权案件 {} 未公布: {}", c.getCaseNo(), refusal);
            return new Publication(List.of(), refusal);
        }
        List<DelegatedPower> published = new ArrayList<>();
        for (DelegationPair pair : accepted) {
            published.add(powers.save(new DelegatedPower(pair.getItemCode(), pair.getOrgCode(), c.getMethod(),
                    c.getEffectiveDate(), caseId, now)));
        }
        c.close(Outcome.PUBLISHED, now);
        log.info("赋权案件 {} 已公布 {} 项赋权", c.getCaseNo(), published.size());
        return new Publication(published, null);
    }

    private String describeInForce(DelegatedPower power) {
        String item = catalog.findItem(power.getItemCode()).map(i -> power.getItemCode() + " " + i.getName())
                .orElse(power.getItemCode());
        String org = orgs.findUnit(power.getOrgCode()).map(OrgUnit::getName).orElse(power.getOrgCode());
        String by = cases.findById(power.getCaseId()).map(DelegationCase::getCaseNo).orElse("案件 " + power.getCaseId());
        return item + " 已下放至" + org + "（" + by + "，自 " + power.getEffectiveDate() + " 起）";
    }

    public CaseNotification remind(Long caseId, String recipientGroup, String message) {
        DelegationCase c = require(caseId);
        return notifications.send(Notice.toGroup(c.getCaseNo(), c.getProcessInstanceId(), NoticeKind.REMINDER,
                recipientGroup, message));
    }

    /** The decisions taken on the case, oldest first (the kernel's record). */
    @Transactional(readOnly = true)
    public List<CaseDecision> decisions(Long caseId) {
        return decisions.ofCase(require(caseId).getCaseNo());
    }

    @Transactional(readOnly = true)
    public List<CaseNotification> notifications(Long caseId) {
        return notifications.ofCase(require(caseId).getCaseNo());
    }

    /** The case as officials read it above their decision fields (read-only text). */
    @Transactional(readOnly = true)
    public String summary(Long caseId) {
        DelegationCase c = require(caseId);
        Map<String, PowerItem> items = catalog.itemsByCode(c.getItemCodes()).stream()
                .collect(Collectors.toMap(PowerItem::getCode, Function.identity()));
        Map<String, String> orgNames = orgs.units().stream()
                .collect(Collectors.toMap(OrgUnit::getCode, OrgUnit::getName));
        String deptName = orgs.findDepartment(c.getDeptCode()).map(d -> d.getName()).orElse(c.getDeptCode());
        Map<String, String> groupNames = groups.all().stream()
                .collect(Collectors.toMap(GroupDefinition::id, GroupDefinition::name));
        return CaseSummary.render(c, deptName, items, orgNames, groupNames, pairs(caseId),
                decisions.ofCase(c.getCaseNo()), orgs::personName);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
