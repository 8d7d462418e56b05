package cn.streetgov.majormatter.domain;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseNumbers;
import cn.streetgov.casework.Notice;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.Notifications;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.majormatter.domain.MajorMatter.Decision;
import cn.streetgov.majormatter.domain.MajorMatter.MatterType;
import cn.streetgov.majormatter.domain.MajorMatter.Status;
import cn.streetgov.majormatter.domain.MajorMatterOpinion.Answer;
import cn.streetgov.majormatter.domain.MajorMatterOpinion.Opinion;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.PostRole;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business record of major-matter consultations: opens a matter after checking it, keeps each
 * street's opinion (or that it is overdue), the sender's answers and the final decision, and tells
 * the streets. Runs inside the engine's transaction, so a refused step leaves nothing behind.
 */
@Service
@Transactional
public class MajorMatterService {

    private static final Logger log = LoggerFactory.getLogger(MajorMatterService.class);

    public static final String CASE_PREFIX = "ZD";
    /** The sender code of the district government (区政府). */
    public static final String GOVERNMENT = "GOV";
    /** The opinion deadline is the end of the day the sender names. */
    static final LocalTime DEADLINE_TIME = LocalTime.of(23, 59, 59);
    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 2000;
    static final int DOCUMENT_REF_MAX = 500;

    private final MajorMatterRepository matters;
    private final MajorMatterOpinionRepository opinions;
    private final Notifications notifications;
    private final CaseNumbers numbers;
    private final OrgDirectory org;
    private final MajorMatterProperties properties;

    MajorMatterService(MajorMatterRepository matters, MajorMatterOpinionRepository opinions,
            Notifications notifications, CaseNumbers numbers, OrgDirectory org, MajorMatterProperties properties) {
        this.matters = matters;
        this.opinions = opinions;
        this.notifications = notifications;
        this.numbers = numbers;
        this.org = org;
        this.properties = properties;
    }

    /** What the sender submits (as the start form does; the deadline an ISO date or a {@code Date}). */
    public record MatterRequest(String senderCode, String matterType, String title, String summary,
            List<String> affectedOrgCodes, Object opinionDeadline, String documentRef) {
    }

    /** Who starts the case, or null when the engine starts it itself. */
    public record Starter(String userId, Collection<String> groupIds) {
    }

    /** The group of the sender's officials: {@code dept-{dept}} or {@code district-government}. */
    public static String senderGroup(String senderCode) {
        return GOVERNMENT.equals(senderCode) ? PostRole.DISTRICT_GOVERNMENT.groupId(null)
                : PostRole.DEPARTMENT.groupId(senderCode);
    }

    /** The sender's Chinese name (区政府 or the department's name). */
    @Transactional(readOnly = true)
    public String senderName(String senderCode) {
        return GOVERNMENT.equals(senderCode) ? "区政府" : org.nameOf(senderCode).orElse(senderCode);
    }

    /** Checks the matter (all problems at once, in Chinese) and opens it with a row per affected street. */
    public MajorMatter open(MatterRequest request, Starter starter, String processInstanceId) {
        List<String> errors = new ArrayList<>();
        String sender = trim(request.senderCode());
        if (sender == null) {
            errors.add("请选择征求意见的单位（部门或区政府）");
        } else if (!GOVERNMENT.equals(sender) && org.findActiveDepartment(sender).isEmpty()) {
            errors.add("未知或已停用的部门: " + sender);
        } else if (starter != null && starter.userId() != null && !starter.groupIds().contains(senderGroup(sender))
                && !starter.groupIds().contains(PostRole.ADMIN.groupId(null))) {
            errors.add(GOVERNMENT.equals(sender) ? "只有区政府常务会议的工作人员能以区政府名义征求意见"
                    : "只能以本部门名义征求意见: " + starter.userId() + " 不是 " + senderName(sender) + " 的工作人员");
        }
        MatterType type = null;
        try {
            type = request.matterType() == null ? null : MatterType.valueOf(request.matterType().trim());
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null) {
            errors.add("事项类型无效: " + request.matterType() + "（应为 规划 PLAN、重大项目 MAJOR_PROJECT 或 重大决策 MAJOR_DECISION）");
        }
        String title = trim(request.title());
        if (title == null) {
            errors.add("请填写事项名称");
        } else if (title.length() > TITLE_MAX) {
            errors.add("事项名称不能超过 " + TITLE_MAX + " 个字");
        }
        String summary = trim(request.summary());
        if (summary == null) {
            errors.add("请填写事项内容摘要");
        } else if (summary.length() > TEXT_MAX) {
            errors.add("事项内容摘要不能超过 " + TEXT_MAX + " 个字");
        }
        String documentRef = trim(request.documentRef());
        if (documentRef != null && documentRef.length() > DOCUMENT_REF_MAX) {
            errors.add("文件文号/链接不能超过 " + DOCUMENT_REF_MAX + " 个字");
        }
        Set<String> orgCodes = new LinkedHashSet<>();
        for (String code : request.affectedOrgCodes() == null ? List.<String>of() : request.affectedOrgCodes()) {
            String c = trim(code);
            if (c != null) {
                orgCodes.add(c);
            }
        }
        if (orgCodes.isEmpty()) {
            errors.add("请至少选择一个涉及的街道/镇");
        }
        for (String code : orgCodes) {
            if (org.findActiveUnit(code).isEmpty()) {
                errors.add("未知或已停用的街道/镇: " + code);
            }
        }
        LocalDate deadline = null;
        try {
            deadline = date(request.opinionDeadline());
        } catch (DateTimeParseException e) {
            errors.add("反馈期限格式无效，应为 yyyy-MM-dd: " + request.opinionDeadline());
        }
        LocalDate earliest = CaseClock.today().plusDays(properties.minOpinionDays());
        if (deadline == null && errors.stream().noneMatch(e -> e.startsWith("反馈期限"))) {
            errors.add("请填写街道反馈意见的期限");
        } else if (deadline != null && deadline.isBefore(earliest)) {
            errors.add("反馈期限至少应给街道 " + properties.minOpinionDays() + " 天（不早于 " + earliest + "）");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        MajorMatter matter = matters.save(new MajorMatter(numbers.next(CASE_PREFIX), processInstanceId, sender, type,
                title, summary, documentRef, deadline.atTime(DEADLINE_TIME), starter == null ? null : starter.userId(),
                CaseClock.now()));
        for (String code : orgCodes) {
            opinions.save(new MajorMatterOpinion(matter.getId(), code));
        }
        log.info("重大事项征求意见: {} {} {} 涉及 {}", matter.getCaseNo(), sender, type, orgCodes);
        return matter;
    }

    @Transactional(readOnly = true)
    public MajorMatter require(long matterId) {
        return matters.findById(matterId).orElseThrow(() -> new NotFoundException("重大事项 " + matterId + " 不存在"));
    }

    @Transactional(readOnly = true)
    public MajorMatter requireByCaseNo(String caseNo) {
        return matters.findByCaseNo(caseNo).orElseThrow(() -> new NotFoundException("重大事项 " + caseNo + " 不存在"));
    }

    @Transactional(readOnly = true)
    public Optional<MajorMatter> findByCaseNo(String caseNo) {
        return matters.findByCaseNo(caseNo);
    }

    /** The matters that concern one street/town, newest first. */
    @Transactional(readOnly = true)
    public List<MajorMatter> concerning(String orgCode) {
        return matters.concerning(orgCode);
    }

    @Transactional(readOnly = true)
    public List<MajorMatterOpinion> opinions(long matterId) {
        return opinions.findByMatterIdOrderByIdAsc(matterId);
    }

    /** The affected streets/towns, in the order the sender named them. */
    @Transactional(readOnly = true)
    public List<String> affectedStreets(long matterId) {
        return opinions(matterId).stream().map(MajorMatterOpinion::getOrgCode).toList();
    }

    /** The streets/towns that gave an opinion (each is answered by the sender). */
    @Transactional(readOnly = true)
    public List<String> receivedOpinions(long matterId) {
        return opinions(matterId).stream().filter(MajorMatterOpinion::isReceived).map(MajorMatterOpinion::getOrgCode)
                .toList();
    }

    @Transactional(readOnly = true)
    public MajorMatterOpinion opinion(long matterId, String orgCode) {
        return opinions.findByMatterIdAndOrgCode(matterId, orgCode)
                .orElseThrow(() -> new NotFoundException("街道/镇 " + orgCode + " 不在本事项征求意见范围内"));
    }

    /** The street committee's opinion (the decision listener checked the values and the reason). */
    public MajorMatterOpinion recordOpinion(long matterId, String orgCode, String opinion, String text,
            LocalDate meetingDate, String by) {
        MajorMatterOpinion row = opinion(matterId, orgCode);
        if (row.isReceived() || row.isOverdue()) {
            throw new InvalidInputException("街道/镇 " + orgCode + " 的意见已记录");
        }
        if (meetingDate != null && meetingDate.isAfter(CaseClock.today())) {
            throw new InvalidInputException("会议日期不能晚于今天");
        }
        row.submit(Opinion.valueOf(opinion), text, meetingDate, by, CaseClock.now());
        return row;
    }

    /** The deadline passed without an opinion: 逾期未反馈. */
    public MajorMatterOpinion recordOverdue(long matterId, String orgCode) {
        MajorMatterOpinion row = opinion(matterId, orgCode);
        row.markOverdue();
        log.info("重大事项 {}: {} 逾期未反馈", require(matterId).getCaseNo(), orgCode);
        return row;
    }

    /** Every street answered or is overdue: the sender answers the opinions, or decides when there are none. */
    public Status consultationEnded(long matterId) {
        MajorMatter matter = require(matterId);
        matter.moveTo(receivedOpinions(matterId).isEmpty() ? Status.DECIDING : Status.ANSWERING);
        return matter.getStatus();
    }

    /** The sender's answer to one street's opinion; the street is told. */
    public MajorMatterOpinion recordAnswer(long matterId, String orgCode, String answer, String reason, String by) {
        MajorMatterOpinion row = opinion(matterId, orgCode);
        if (!row.isReceived()) {
            throw new InvalidInputException("街道/镇 " + orgCode + " 没有反馈意见，无需答复");
        }
        if (row.getAnswer() != null) {
            throw new InvalidInputException("对街道/镇 " + orgCode + " 意见的答复已记录");
        }
        Answer a = Answer.valueOf(answer);
        row.answer(a, reason, by, CaseClock.now());
        MajorMatter matter = require(matterId);
        notify(matter, NoticeKind.INFO, PostRole.STREET_COMMITTEE.groupId(orgCode),
                "重大事项 " + matter.getCaseNo() + "《" + matter.getTitle() + "》：" + senderName(matter.getSenderCode())
                        + "对贵单位意见的答复：" + a.label() + (reason == null ? "" : "。理由：" + reason));
        if (opinions(matterId).stream().filter(MajorMatterOpinion::isReceived).allMatch(o -> o.getAnswer() != null)) {
            matter.moveTo(Status.DECIDING);
        }
        return row;
    }

    /** A return or withdrawal reopened one street's opinion (while the others still answer). */
    public void reopenOpinion(long matterId, String orgCode) {
        opinion(matterId, orgCode).reopen();
        require(matterId).moveTo(Status.CONSULTING);
    }

    /** A return or withdrawal reopened the sender's answer to one street's opinion. */
    public void reopenAnswer(long matterId, String orgCode) {
        opinion(matterId, orgCode).reopenAnswer();
        require(matterId).moveTo(Status.ANSWERING);
    }

    /** The sender's decision; every affected street is told. */
    public MajorMatter decide(long matterId, String decision, String note, String by) {
        MajorMatter matter = require(matterId);
        if (matter.getStatus() == Status.CLOSED) {
            throw new InvalidInputException("重大事项 " + matter.getCaseNo() + " 已作出决定");
        }
        Decision d = Decision.valueOf(decision);
        matter.decide(d, note, by, CaseClock.now());
        for (String orgCode : affectedStreets(matterId)) {
            notify(matter, NoticeKind.CASE_END, PostRole.STREET_COMMITTEE.groupId(orgCode),
                    "重大事项 " + matter.getCaseNo() + "《" + matter.getTitle() + "》征求意见结束，"
                            + senderName(matter.getSenderCode()) + "决定：" + d.label() + (note == null ? "" : "。说明：" + note));
        }
        log.info("重大事项 {} 决定 {}", matter.getCaseNo(), d);
        return matter;
    }

    private void notify(MajorMatter matter, NoticeKind kind, String group, String message) {
        notifications.send(Notice.toGroup(matter.getCaseNo(), matter.getProcessInstanceId(), kind, group, message));
    }

    /** An ISO date string ({@code yyyy-MM-dd}, also the date part of a date-time) or a {@code Date}. */
    public static LocalDate date(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof java.util.Date d) {
            return CaseClock.toLocalDate(d);
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        String s = value.toString().trim();
        return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }
}
