package cn.streetgov.whistle.domain;

import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.casework.CaseNotification;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.Notice;
import cn.streetgov.casework.Notifications;
import cn.streetgov.casework.CaseNumbers;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.org.GroupCatalog;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Agency;
import cn.streetgov.org.domain.OrgUnit;
import cn.streetgov.org.domain.PostRole;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business record of whistle cases: opens a case after checking the whistle, routes every
 * summoned department, applies the deadlines, and records reports, escalations and decisions.
 * Runs inside the engine's transaction, so a refused start leaves nothing behind.
 */
@Service
@Transactional
public class WhistleCaseService {

    private static final Logger log = LoggerFactory.getLogger(WhistleCaseService.class);

    public static final String CASE_PREFIX = "CS";
    public static final String OUTCOME_CLOSED = "CLOSED";
    /** 劝导制止有效: closed by the street's own dissuasion, no department summoned. */
    public static final String OUTCOME_STOPPED = "STOPPED";
    static final int SUMMARY_MAX = 500;
    static final int LOCATION_MAX = 200;
    static final int NOTE_MAX = 4000;

    private final WhistleCaseRepository cases;
    private final WhistleSummonsRepository summonses;
    private final DecisionRecord decisions;
    private final Notifications notifications;
    private final CaseNumbers numbers;
    private final OrgDirectory org;
    private final GroupCatalog groups;

    WhistleCaseService(WhistleCaseRepository cases, WhistleSummonsRepository summonses,
            DecisionRecord decisions, Notifications notifications,
            CaseNumbers numbers, OrgDirectory org, GroupCatalog groups) {
        this.cases = cases;
        this.summonses = summonses;
        this.decisions = decisions;
        this.notifications = notifications;
        this.numbers = numbers;
        this.org = org;
        this.groups = groups;
    }

    /** What the street office submits when it blows the whistle. */
    public record WhistleRequest(String orgCode, String summary, String location, String urgency,
            List<String> deptCodes, String source, String hotlineTicketNo, String category, boolean stopFirst) {

        /** A whistle without source and category (the street's patrol, category OTHER), summoning at once. */
        public WhistleRequest(String orgCode, String summary, String location, String urgency, List<String> deptCodes) {
            this(orgCode, summary, location, urgency, deptCodes, null, null, null, false);
        }
    }

    private static final java.util.regex.Pattern TICKET = java.util.regex.Pattern.compile("[A-Za-z0-9-]{4,32}");
    static final int ROUTING_REASON_MAX = 1000;

    /**
     * The user who blows the whistle, or null when the engine starts the case itself.
     *
     * @param groupIds the user's Camunda groups: it must hold {@code street-office-{orgCode}}
     */
    public record Starter(String userId, List<String> groupIds) {
    }

    /** Checks the whistle (all problems at once, in Chinese) and opens the case with its summons. */
    public WhistleCase open(WhistleRequest request, Starter starter, String processInstanceId) {
        List<String> errors = new ArrayList<>();
        String orgCode = trim(request.orgCode());
        Optional<OrgUnit> unit = org.findActiveUnit(orgCode);
        if (orgCode == null) {
            errors.add("请选择吹哨的街道/镇");
        } else if (unit.isEmpty()) {
            errors.add("未知或已停用的街道/镇: " + orgCode);
        } else if (starter != null && starter.userId() != null
                && !starter.groupIds().contains(PostRole.STREET_OFFICE.groupId(orgCode))
                && !starter.groupIds().contains(PostRole.ADMIN.groupId(null))) {
            errors.add("只能为本街道/镇吹哨: " + starter.userId() + " 不是 " + unit.get().getName() + " 的工作人员");
        }
        String summary = trim(request.summary());
        if (summary == null) {
            errors.add("请填写事项概要");
        } else if (summary.length() > SUMMARY_MAX) {
            errors.add("事项概要不能超过 " + SUMMARY_MAX + " 个字");
        }
        String location = trim(request.location());
        if (location != null && location.length() > LOCATION_MAX) {
            errors.add("地点不能超过 " + LOCATION_MAX + " 个字");
        }
        Optional<Urgency> urgency = Urgency.parse(trim(request.urgency()));
        if (urgency.isEmpty()) {
            errors.add("紧急程度无效: " + request.urgency() + "（应为 一般 NORMAL、紧急 URGENT 或 特急 CRITICAL）");
        }
        for (String code : codes(request.deptCodes())) {
            if (org.findActiveDepartment(code).isEmpty()) {
                errors.add("未知或已停用的部门: " + code);
            }
        }
        Optional<WhistleSource> source = trim(request.source()) == null ? Optional.of(WhistleSource.PATROL)
                : WhistleSource.parse(trim(request.source()));
        if (source.isEmpty()) {
            errors.add("问题来源无效: " + request.source() + "（应为 " + WhistleSource.choices() + "）");
        }
        String ticket = trim(request.hotlineTicketNo());
        if (source.orElse(null) == WhistleSource.HOTLINE && ticket == null) {
            errors.add("12345 热线转来的问题须填写工单编号");
        } else if (ticket != null && !TICKET.matcher(ticket).matches()) {
            errors.add("工单编号应为 4–32 位字母、数字或短横线: " + ticket);
        }
        Optional<WhistleCategory> category = trim(request.category()) == null ? Optional.of(WhistleCategory.OTHER)
                : WhistleCategory.parse(trim(request.category()));
        if (category.isEmpty()) {
            errors.add("问题类别无效: " + request.category());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }

        LocalDateTime now = CaseClock.now();
        WhistleCase whistle = new WhistleCase(numbers.next(CASE_PREFIX), processInstanceId, orgCode,
                summary, location, urgency.get(), starter == null ? null : starter.userId(), now);
        whistle.classify(source.get(), source.get() == WhistleSource.HOTLINE || ticket != null ? ticket : null,
                category.get());
        if (request.stopFirst()) {
            whistle.dissuadeFirst();
        }
        whistle = cases.save(whistle);
        log.info("吹哨: {} {} {} {} {}", whistle.getCaseNo(), orgCode, urgency.get(), source.get(), category.get());
        return whistle;
    }

    /**
     * Summons the departments of a whistle just opened (网上分流移交): those the routing rule gives for its
     * category ({@code routed}), unless the street chose its own ({@code chosen}) — adding or leaving out
     * departments of the rule needs a reason, which is kept. Refused (Chinese reasons) when no department
     * results or the reason is missing; the start then writes nothing.
     */
    public List<WhistleSummons> summon(Long caseId, List<String> chosen, List<String> routed, String reason) {
        WhistleCase whistle = require(caseId);
        Set<String> summoned = checkRouting(whistle, chosen, routed, reason);
        Set<String> street = codes(chosen);
        Set<String> rule = codes(routed);
        String why = trim(reason);
        if (!street.isEmpty() && !rule.isEmpty() && !street.equals(rule)) {
            whistle.routedAgainstTheRule(why);
        }
        LocalDateTime now = CaseClock.now();
        List<WhistleSummons> saved = new ArrayList<>();
        for (String deptCode : summoned) {
            WhistleSummons summons = routed(whistle, deptCode, now);
            summons.setOrigin(rule.contains(deptCode) ? WhistleSummons.ORIGIN_RULE : WhistleSummons.ORIGIN_STREET);
            saved.add(summonses.save(summons));
        }
        log.info("吹哨 {} 召集部门 {}（规则 {}）", whistle.getCaseNo(), summoned, rule);
        return saved;
    }

    /**
     * The departments a whistle will summon — the rule's ({@code routed}) unless the street chose its own —
     * checked without summoning: at the start, so that a whistle the street dissuades first cannot fail
     * later when it is handed over. Refused (Chinese reasons) when none results or a reason is missing.
     */
    public Set<String> checkRouting(Long caseId, List<String> chosen, List<String> routed, String reason) {
        return checkRouting(require(caseId), chosen, routed, reason);
    }

    private Set<String> checkRouting(WhistleCase whistle, List<String> chosen, List<String> routed, String reason) {
        Set<String> street = codes(chosen);
        Set<String> rule = codes(routed);
        String why = trim(reason);
        Set<String> summoned = street.isEmpty() ? rule : street;
        List<String> errors = new ArrayList<>();
        if (summoned.isEmpty()) {
            errors.add(whistle.getCategory() == WhistleCategory.OTHER ? "请至少选择一个被召集的部门"
                    : "事项类别“" + whistle.getCategory().label() + "”没有分流规则，请至少选择一个被召集的部门");
        }
        for (String code : summoned) {
            if (org.findActiveDepartment(code).isEmpty()) {
                errors.add("未知或已停用的部门: " + code);
            }
        }
        boolean againstRule = !street.isEmpty() && !rule.isEmpty() && !street.equals(rule);
        if (againstRule && why == null) {
            errors.add("所选部门与“" + whistle.getCategory().label() + "”的分流规则（" + names(rule)
                    + "）不同，请说明增减部门的理由");
        } else if (why != null && why.length() > ROUTING_REASON_MAX) {
            errors.add("增减部门的理由不能超过 " + ROUTING_REASON_MAX + " 个字");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return summoned;
    }

    /** A summons to the department's agency in the street/town, else to the department itself. */
    private WhistleSummons routed(WhistleCase whistle, String deptCode, LocalDateTime at) {
        Optional<Agency> agency = org.findAgency(whistle.getOrgCode(), deptCode);
        String group = agency.map(a -> PostRole.AGENCY.groupId(a.getCode())).orElse(PostRole.DEPARTMENT.groupId(deptCode));
        return new WhistleSummons(whistle.getId(), whistle.getOrgCode(), deptCode, agency.map(Agency::getCode).orElse(null),
                group, at);
    }

    private static Set<String> codes(List<String> values) {
        Set<String> codes = new LinkedHashSet<>();
        for (String code : values == null ? List.<String>of() : values) {
            String c = trim(code);
            if (c != null) {
                codes.add(c);
            }
        }
        return codes;
    }

    private String names(Set<String> deptCodes) {
        return String.join("、", deptCodes.stream()
                .map(code -> org.findDepartment(code).map(d -> d.getName()).orElse(code)).toList());
    }

    /** The deadlines of DMN whistle-sla, counted from the whistle. */
    public WhistleCase applySla(Long caseId, int reportMinutes, int handlingMinutes) {
        WhistleCase whistle = require(caseId);
        whistle.applySla(reportMinutes, handlingMinutes);
        for (WhistleSummons summons : summonses.findByCaseIdOrderByIdAsc(caseId)) {
            summons.setDeadline(whistle.getReportDeadline());
        }
        return whistle;
    }

    @Transactional(readOnly = true)
    public List<String> summonedDepartments(Long caseId) {
        return summonses.findByCaseIdOrderByIdAsc(caseId).stream().map(WhistleSummons::getDeptCode).toList();
    }

    @Transactional(readOnly = true)
    public WhistleSummons summons(Long caseId, String deptCode) {
        return summonses.findByCaseIdAndDeptCode(caseId, deptCode)
                .orElseThrow(() -> new NotFoundException("案件 " + caseId + " 未召集部门 " + deptCode));
    }

    /** 报到: the department's report; late if after the deadline. */
    public WhistleSummons recordReport(Long caseId, String deptCode, String note, String actor) {
        WhistleSummons summons = summons(caseId, deptCode);
        if (summons.isReported()) {
            throw new InvalidInputException("部门 " + deptCode + " 已报到");
        }
        summons.report(note, actor, CaseClock.now());
        boolean allReported = summonses.findByCaseIdOrderByIdAsc(caseId).stream().allMatch(WhistleSummons::isReported);
        if (allReported) {
            require(caseId).moveTo(CaseStatus.HANDLING);
        }
        return summons;
    }

    /** A return or a withdrawal reopened a later step: the case stands there again. */
    public void reopened(Long caseId, CaseStatus status) {
        require(caseId).moveTo(status);
    }

    /** A returned or withdrawn report is due again by the deadline; the case is back to reporting. */
    public WhistleSummons reopenReport(Long caseId, String deptCode, LocalDateTime deadline) {
        WhistleSummons summons = summons(caseId, deptCode);
        summons.reopen(deadline);
        require(caseId).moveTo(CaseStatus.REPORTING);
        return summons;
    }

    /**
     * One more department summoned to a running whistle (加签): routed like the first ones, due by
     * the report time limit from now; refused when it is unknown, inactive or summoned already.
     */
    public WhistleSummons summonAnother(Long caseId, String deptCode, LocalDateTime deadline) {
        WhistleCase whistle = require(caseId);
        if (org.findActiveDepartment(deptCode).isEmpty()) {
            throw new InvalidInputException("未知或已停用的部门: " + deptCode);
        }
        if (summonses.findByCaseIdAndDeptCode(caseId, deptCode).isPresent()) {
            throw new InvalidInputException("部门 " + org.findDepartment(deptCode).map(d -> d.getName()).orElse(deptCode)
                    + " 已被召集");
        }
        WhistleSummons summons = summonses.save(routed(whistle, deptCode, CaseClock.now()));
        summons.setDeadline(deadline);
        summons.setOrigin(WhistleSummons.ORIGIN_ADDED);
        whistle.moveTo(CaseStatus.REPORTING);
        return summons;
    }

    /** A department added to the whistle is removed again before it reported (减签). */
    public void withdrawSummons(Long caseId, String deptCode) {
        WhistleSummons summons = summons(caseId, deptCode);
        if (summons.isReported()) {
            throw new InvalidInputException("部门 " + deptCode + " 已报到，不能减签");
        }
        summonses.delete(summons);
        if (summonses.findByCaseIdOrderByIdAsc(caseId).stream().allMatch(WhistleSummons::isReported)) {
            require(caseId).moveTo(CaseStatus.HANDLING);
        }
    }

    /** The deadline passed without a report: mark it late and notify the department's leadership. */
    public Optional<CaseNotification> escalateLateReport(Long caseId, String deptCode) {
        WhistleSummons summons = summons(caseId, deptCode);
        if (summons.isReported()) {
            return Optional.empty();
        }
        WhistleCase whistle = require(caseId);
        LocalDateTime now = CaseClock.now();
        summons.escalate(now);
        String recipient = PostRole.DEPARTMENT.groupId(deptCode);
        String message = "催办: 案件 " + whistle.getCaseNo() + "（" + whistle.getSummary() + "）的报到期限 "
                + summons.getDeadline().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " 已过，"
                + groups.nameOf(summons.getRoutedGroup()).orElse("派驻机构") + " 尚未报到，请部门领导督办";
        CaseNotification notification = notifications.send(Notice.toGroup(whistle.getCaseNo(),
                whistle.getProcessInstanceId(), NoticeKind.ESCALATION, recipient, message));
        log.warn("报到超时已升级: {} 部门 {} 通知 {}", whistle.getCaseNo(), deptCode, recipient);
        return Optional.of(notification);
    }

    /** 联合处置 done: the street confirms next. */
    public void recordHandling(Long caseId) {
        require(caseId).moveTo(CaseStatus.CONFIRMING);
    }

    /** 街道确认: resolved → follow-up visit, not resolved → back to handling. */
    public void recordConfirmation(Long caseId, boolean resolved) {
        require(caseId).moveTo(resolved ? CaseStatus.FOLLOW_UP : CaseStatus.HANDLING);
    }

    /** 回访: the resident's satisfaction (1–5). */
    public void recordFollowUp(Long caseId, int satisfaction) {
        WhistleCase whistle = require(caseId);
        whistle.recordSatisfaction(satisfaction);
        for (WhistleSummons summons : summonses.findByCaseIdOrderByIdAsc(caseId)) {
            summons.recordSatisfaction(satisfaction);
        }
    }

    /** Low satisfaction: the case goes back to handling; returns the case with its new reopen count. */
    public WhistleCase reopen(Long caseId) {
        WhistleCase whistle = require(caseId);
        whistle.reopen();
        log.info("回访不满意, 重新处置: {} 第 {} 次", whistle.getCaseNo(), whistle.getReopenCount());
        return whistle;
    }

    /** The street's dissuasion: it worked (the case ends STOPPED) or the departments are summoned next. */
    public WhistleCase recordDissuasion(Long caseId, boolean stopped, String note) {
        WhistleCase whistle = require(caseId);
        LocalDateTime now = CaseClock.now();
        whistle.dissuaded(note, now);
        if (stopped) {
            whistle.close(OUTCOME_STOPPED, now);
            log.info("劝导制止有效: {}", whistle.getCaseNo());
        } else {
            whistle.moveTo(CaseStatus.REPORTING);
        }
        return whistle;
    }

    public WhistleCase close(Long caseId) {
        WhistleCase whistle = require(caseId);
        whistle.close(OUTCOME_CLOSED, CaseClock.now());
        log.info("办结: {} 满意度 {} 重新处置 {} 次", whistle.getCaseNo(), whistle.getSatisfaction(),
                whistle.getReopenCount());
        return whistle;
    }

    @Transactional(readOnly = true)
    public WhistleCase require(Long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new NotFoundException("未知的吹哨案件: " + caseId));
    }

    @Transactional(readOnly = true)
    public Optional<WhistleCase> findByCaseNo(String caseNo) {
        return cases.findByCaseNo(caseNo);
    }

    @Transactional(readOnly = true)
    public List<WhistleSummons> summonses(Long caseId) {
        return summonses.findByCaseIdOrderByIdAsc(caseId);
    }

    /** The decisions of the case (the kernel's record). */
    @Transactional(readOnly = true)
    public List<CaseDecision> decisions(Long caseId) {
        return decisions.ofCase(require(caseId).getCaseNo());
    }

    @Transactional(readOnly = true)
    public List<CaseNotification> notifications(Long caseId) {
        return notifications.ofCase(require(caseId).getCaseNo());
    }


    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String t = value.trim();
        return t.isEmpty() ? null : t;
    }
}
