package cn.streetgov.admission.domain;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseNumbers;
import cn.streetgov.casework.Notice;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.Notifications;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.OrgUnit;
import cn.streetgov.org.domain.PostRole;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business record of duty-admission (事权事务准入): opens an application after checking it,
 * applies the negative list's answer, records each street's opinion and 编办's decision, and puts
 * an admitted duty on the list of every street that agreed.
 */
@Service
public class DutyAdmissions {

    private static final Logger log = LoggerFactory.getLogger(DutyAdmissions.class);

    public static final String CASE_PREFIX = "ZR";
    static final int NAME_MAX = 200;
    static final int TEXT_MAX = 1000;
    static final int DESCRIPTION_MAX = 2000;
    static final int STAFF_MAX = 10_000;
    static final BigDecimal FUNDS_MAX = new BigDecimal("9999999999.99");

    /** What the department asks for, as the start form submits it. */
    public record AdmissionRequest(String deptCode, String dutyName, String dutyDescription, String dutyCategory,
            String legalBasis, List<String> targetOrgCodes, Object staffCount, Object fundsWan, Object startDate,
            String reason) {
    }

    /** Who starts the case (null when the engine starts it without a user, e.g. a test's admin call). */
    public record Starter(String userId, Collection<String> groupIds) {
    }

    /** Where the case goes after the rules. */
    public enum CheckResult {
        NEGATIVE_LISTED, ALL_LISTED, OPINIONS
    }

    /** The decisions of 编办. */
    public static final String ADMIT = "ADMIT";
    public static final String ADMIT_WITH_CONDITIONS = "ADMIT_WITH_CONDITIONS";
    public static final String REFUSE = "REFUSE";

    /** What a street sees as "not admitted": every state but admitted and already listed. */
    static final Set<TargetStatus> NOT_ADMITTED = EnumSet.of(TargetStatus.PENDING, TargetStatus.AGREE,
            TargetStatus.AGREE_WITH_CONDITIONS, TargetStatus.DISAGREE, TargetStatus.NOT_ADMITTED, TargetStatus.REFUSED,
            TargetStatus.REFUSED_BY_RULES);

    private final DutyAdmissionCaseRepository cases;
    private final DutyAdmissionTargetRepository targets;
    private final DutyLists lists;
    private final CaseNumbers numbers;
    private final OrgDirectory org;
    private final Notifications notifications;

    DutyAdmissions(DutyAdmissionCaseRepository cases, DutyAdmissionTargetRepository targets, DutyLists lists,
            CaseNumbers numbers, OrgDirectory org, Notifications notifications) {
        this.cases = cases;
        this.targets = targets;
        this.lists = lists;
        this.numbers = numbers;
        this.org = org;
        this.notifications = notifications;
    }

    /** Checks the application (all problems at once, in Chinese; nothing written when refused) and opens it. */
    @Transactional
    public DutyAdmissionCase open(AdmissionRequest request, Starter starter, String processInstanceId) {
        List<String> errors = new ArrayList<>();
        String deptCode = trim(request.deptCode());
        if (deptCode == null) {
            errors.add("请选择申请部门");
        } else if (org.findActiveDepartment(deptCode).isEmpty()) {
            errors.add("未知或已停用的部门: " + deptCode);
        } else if (starter != null && starter.userId() != null
                && !starter.groupIds().contains(PostRole.DEPARTMENT.groupId(deptCode))
                && !starter.groupIds().contains(PostRole.ADMIN.groupId(null))) {
            errors.add("只能以本部门名义申请准入: " + starter.userId() + " 不是"
                    + org.nameOf(deptCode).orElse(deptCode) + "的工作人员");
        }
        String name = text(request.dutyName(), "事项名称", NAME_MAX, errors);
        String description = text(request.dutyDescription(), "事项内容", DESCRIPTION_MAX, errors);
        Optional<DutyCategory> category = DutyCategory.parse(trim(request.dutyCategory()));
        if (category.isEmpty()) {
            errors.add("请选择事项类别（" + DutyCategory.choices() + "）");
        }
        String legalBasis = text(request.legalBasis(), "法定依据", TEXT_MAX, errors);
        String reason = text(request.reason(), "申请理由", TEXT_MAX, errors);
        Set<String> orgCodes = new LinkedHashSet<>();
        for (String code : request.targetOrgCodes() == null ? List.<String>of() : request.targetOrgCodes()) {
            String c = trim(code);
            if (c != null) {
                orgCodes.add(c);
            }
        }
        if (orgCodes.isEmpty()) {
            errors.add("请至少选择一个承接的街道/镇");
        }
        for (String code : orgCodes) {
            if (org.findActiveUnit(code).isEmpty()) {
                errors.add("未知或已停用的街道/镇: " + code);
            }
        }
        Integer staff = staff(request.staffCount(), errors);
        BigDecimal funds = funds(request.fundsWan(), errors);
        LocalDate startDate = date(request.startDate(), errors);
        if (name != null) {
            for (String code : orgCodes) {
                refusedBefore(code, name).ifPresent(refused -> errors.add("「" + name + "」已于 "
                        + refused.getCaseNo() + " 不予准入" + org.nameOf(code).orElse(code) + "，不能再次申请"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        DutyAdmissionCase opened = cases.save(new DutyAdmissionCase(numbers.next(CASE_PREFIX), processInstanceId, deptCode,
                name, description, category.get(), legalBasis, staff, funds, startDate, reason,
                starter == null ? null : starter.userId(), CaseClock.now()));
        for (String code : orgCodes) {
            targets.save(new DutyAdmissionTarget(opened.getId(), code));
        }
        log.info("事权事务准入: {} {} 「{}」 → {}", opened.getCaseNo(), deptCode, name, orgCodes);
        return opened;
    }

    /**
     * Applies the negative list's answer (DMN duty-admission-check) and the streets' lists: refused
     * by the rules (the department is told why), or the streets that already have the duty are told
     * so and need give no opinion; the others are asked.
     */
    @Transactional
    public CheckResult applyCheck(Long caseId, boolean admissible, String ruleItem, String ruleReason) {
        DutyAdmissionCase admission = require(caseId);
        List<DutyAdmissionTarget> all = targets.findByCaseIdOrderByIdAsc(caseId);
        if (!admissible) {
            String reason = ruleReason == null ? "属于街道/镇不再承担的事项（负面清单）" : ruleReason;
            admission.refuseByRules(ruleItem, reason, CaseClock.now());
            all.forEach(t -> t.moveTo(TargetStatus.REFUSED_BY_RULES));
            notify(admission, NoticeKind.REJECTED_BY_RULES, PostRole.DEPARTMENT.groupId(admission.getDeptCode()),
                    "准入申请「" + admission.getName() + "」不予受理：" + reason);
            log.info("事权事务准入: {} 负面清单 {}", admission.getCaseNo(), ruleItem);
            return CheckResult.NEGATIVE_LISTED;
        }
        boolean anyPending = false;
        for (DutyAdmissionTarget target : all) {
            Optional<DutyItem> listed = lists.listedByName(target.getOrgCode(), admission.getName());
            if (listed.isPresent()) {
                target.alreadyListed(listed.get().getCode());
                notify(admission, NoticeKind.INFO, PostRole.STREET_COMMITTEE.groupId(target.getOrgCode()),
                        org.nameOf(admission.getDeptCode()).orElse(admission.getDeptCode()) + "申请准入的「"
                                + admission.getName() + "」已在本街道/镇履职清单中（" + listed.get().getCode()
                                + "），无需提出意见");
            } else {
                anyPending = true;
            }
        }
        if (!anyPending) {
            admission.close(AdmissionStatus.ALREADY_LISTED, CaseClock.now());
            return CheckResult.ALL_LISTED;
        }
        admission.moveTo(AdmissionStatus.OPINIONS);
        return CheckResult.OPINIONS;
    }

    /** The streets asked for an opinion (the collection of the multi-instance opinion task). */
    @Transactional(readOnly = true)
    public List<String> opinionStreets(Long caseId) {
        return targets.findByCaseIdOrderByIdAsc(caseId).stream().filter(t -> t.getStatus() == TargetStatus.PENDING)
                .map(DutyAdmissionTarget::getOrgCode).toList();
    }

    /** One street committee's opinion; the case waits for 编办 once every street answered. */
    @Transactional
    public DutyAdmissionTarget recordOpinion(Long caseId, String orgCode, String opinion, String comment, String userId) {
        DutyAdmissionTarget target = targets.findByCaseIdAndOrgCode(caseId, orgCode)
                .orElseThrow(() -> new NotFoundException("准入申请没有承接单位 " + orgCode));
        target.opinion(opinion, comment, userId, CaseClock.now());
        if (opinionStreets(caseId).isEmpty()) {
            require(caseId).moveTo(AdmissionStatus.DECISION);
        }
        return target;
    }

    /**
     * 编办's decision (with the organisation department told of it). Admitting needs at least one
     * street that agreed: the duty goes only to those.
     */
    @Transactional
    public void decide(Long caseId, String decision, String comment, String userId) {
        DutyAdmissionCase admission = require(caseId);
        if (!REFUSE.equals(decision) && targets.findByCaseIdOrderByIdAsc(caseId).stream()
                .noneMatch(t -> t.getStatus().agreed())) {
            throw new InvalidInputException("没有街道/镇同意承接，不能准入；请选择不予准入并说明理由");
        }
        admission.decide(decision, comment, userId, CaseClock.now());
        String label = switch (decision) {
            case ADMIT -> "准入";
            case ADMIT_WITH_CONDITIONS -> "附条件准入";
            default -> "不予准入";
        };
        notify(admission, NoticeKind.INFO, PostRole.ORG_DEPT.groupId(null), "区委编办对"
                + org.nameOf(admission.getDeptCode()).orElse(admission.getDeptCode()) + "申请准入的「"
                + admission.getName() + "」决定：" + label + (comment == null ? "" : "（" + comment + "）"));
    }

    /** Puts the admitted duty on the list of every street that agreed, as each street's next version. */
    @Transactional
    public List<DutyItem> admit(Long caseId) {
        DutyAdmissionCase admission = require(caseId);
        List<DutyItem> added = new ArrayList<>();
        for (DutyAdmissionTarget target : targets.findByCaseIdOrderByIdAsc(caseId)) {
            if (target.getStatus().agreed()) {
                String conditions = join(ADMIT_WITH_CONDITIONS.equals(admission.getDecision())
                        ? admission.getDecisionComment() : null, target.getStatus() == TargetStatus.AGREE_WITH_CONDITIONS
                        ? target.getOpinionComment() : null);
                DutyItem item = lists.admit(target.getOrgCode(), admission.getCaseNo(), admission.getName(),
                        admission.getCategory(), admission.getDeptCode(), admission.getStaff(), admission.getFunds(),
                        conditions, admission.getStartDate());
                target.admitted(item.getCode());
                added.add(item);
                notify(admission, NoticeKind.CASE_END, PostRole.STREET_COMMITTEE.groupId(target.getOrgCode()),
                        "「" + admission.getName() + "」已准入，列入本街道/镇履职清单");
            } else if (target.getStatus() == TargetStatus.DISAGREE) {
                target.moveTo(TargetStatus.NOT_ADMITTED);
            }
        }
        admission.close(AdmissionStatus.ADMITTED, CaseClock.now());
        notify(admission, NoticeKind.CASE_END, PostRole.DEPARTMENT.groupId(admission.getDeptCode()),
                "准入申请「" + admission.getName() + "」已准入，列入" + added.size() + "个街道/镇的履职清单");
        return added;
    }

    /** 编办 refused: no street may be assigned the duty; the department is told. */
    @Transactional
    public void refuse(Long caseId) {
        DutyAdmissionCase admission = require(caseId);
        for (DutyAdmissionTarget target : targets.findByCaseIdOrderByIdAsc(caseId)) {
            if (target.getStatus() != TargetStatus.ALREADY_LISTED) {
                target.moveTo(TargetStatus.REFUSED);
            }
        }
        admission.close(AdmissionStatus.REFUSED, CaseClock.now());
        notify(admission, NoticeKind.CASE_END, PostRole.DEPARTMENT.groupId(admission.getDeptCode()),
                "准入申请「" + admission.getName() + "」不予准入"
                        + (admission.getDecisionComment() == null ? "" : "：" + admission.getDecisionComment())
                        + "。不得向相关街道/镇分派此项工作");
    }

    /** A return reopened a street's opinion: the street is asked again, the case waits for it. */
    @Transactional
    public void reopenOpinion(Long caseId, String orgCode) {
        targets.findByCaseIdAndOrgCode(caseId, orgCode).ifPresent(t -> t.moveTo(TargetStatus.PENDING));
        require(caseId).moveTo(AdmissionStatus.OPINIONS);
    }

    /** A return or withdrawal reopened 编办's decision: the case waits for it again. */
    @Transactional
    public void reopenDecision(Long caseId) {
        require(caseId).moveTo(AdmissionStatus.DECISION);
    }

    // ---- reads ----

    @Transactional(readOnly = true)
    public DutyAdmissionCase require(Long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new NotFoundException("没有准入申请 " + caseId));
    }

    @Transactional(readOnly = true)
    public Optional<DutyAdmissionCase> findByCaseNo(String caseNo) {
        return cases.findByCaseNo(caseNo);
    }

    @Transactional(readOnly = true)
    public List<DutyAdmissionTarget> targets(Long caseId) {
        return targets.findByCaseIdOrderByIdAsc(caseId);
    }

    /** An application and its state for one street: what a street sees as "not admitted". */
    public record Entry(DutyAdmissionCase admission, DutyAdmissionTarget target) {
    }

    /** The applications for a street that are not on its list (pending, refused, not agreed), newest first. */
    @Transactional(readOnly = true)
    public List<Entry> notAdmitted(String orgCode) {
        return targets.findByOrgCodeAndStatusInOrderByIdDesc(orgCode, NOT_ADMITTED).stream()
                .map(t -> new Entry(require(t.getCaseId()), t)).toList();
    }

    private Optional<DutyAdmissionCase> refusedBefore(String orgCode, String name) {
        String wanted = DutyLists.normalise(name);
        return targets.findByOrgCodeAndStatusInOrderByIdDesc(orgCode, EnumSet.of(TargetStatus.REFUSED)).stream()
                .map(t -> require(t.getCaseId())).filter(c -> DutyLists.normalise(c.getName()).equals(wanted))
                .findFirst();
    }

    private void notify(DutyAdmissionCase admission, NoticeKind kind, String group, String message) {
        notifications.send(Notice.toGroup(admission.getCaseNo(), admission.getProcessInstanceId(), kind, group, message));
    }

    // ---- input ----

    private static String text(String value, String label, int max, List<String> errors) {
        String text = trim(value);
        if (text == null) {
            errors.add("请填写" + label);
        } else if (text.length() > max) {
            errors.add(label + "不能超过 " + max + " 个字");
        }
        return text;
    }

    private static Integer staff(Object value, List<String> errors) {
        Integer staff = null;
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            staff = n.intValue();
        } else if (value != null && !value.toString().isBlank()) {
            try {
                staff = Integer.valueOf(value.toString().trim());
            } catch (NumberFormatException e) {
                staff = null;
            }
        } else if (value == null || value.toString().isBlank()) {
            errors.add("请填写随事项下沉的编制或人员数（没有填 0）");
            return null;
        }
        if (staff == null || staff < 0 || staff > STAFF_MAX) {
            errors.add("编制或人员数应为 0 到 " + STAFF_MAX + " 的整数");
            return null;
        }
        return staff;
    }

    private static BigDecimal funds(Object value, List<String> errors) {
        if (value == null || value.toString().isBlank()) {
            errors.add("请填写随事项下沉的经费（万元，没有填 0）");
            return null;
        }
        BigDecimal funds;
        try {
            funds = new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            errors.add("经费应为以万元计的数字，例如 12.5");
            return null;
        }
        if (funds.signum() < 0 || funds.compareTo(FUNDS_MAX) > 0 || funds.stripTrailingZeros().scale() > 2) {
            errors.add("经费应为 0 到 9999999999.99 万元、至多两位小数");
            return null;
        }
        return funds.setScale(2);
    }

    private static LocalDate date(Object value, List<String> errors) {
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneId.of(CaseClock.zone().getId())).toLocalDate();
        }
        if (value == null || value.toString().isBlank()) {
            errors.add("请填写起始日期");
            return null;
        }
        try {
            return LocalDate.parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            errors.add("起始日期应为 yyyy-MM-dd 格式，例如 2027-01-01");
            return null;
        }
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + "；" + second;
    }

    static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** The street/town's name, for messages. */
    String nameOf(String orgCode) {
        return org.findUnit(orgCode).map(OrgUnit::getName).orElse(orgCode);
    }
}
