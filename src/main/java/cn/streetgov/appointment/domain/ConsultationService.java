package cn.streetgov.appointment.domain;

import cn.streetgov.appointment.process.ConsultationProcess;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.CaseNotification;
import cn.streetgov.casework.CaseNumbers;
import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.casework.Notice;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.Notifications;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.org.GroupCatalog;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Agency;
import cn.streetgov.org.domain.PostRole;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business record of consultation cases: opening, the rule applied, the outcome. The opinions
 * and decisions are the kernel's one decision record ({@link DecisionRecord}); this service reads
 * them for the forms and the case view.
 */
@Service
@Transactional
public class ConsultationService {

    private static final Logger log = LoggerFactory.getLogger(ConsultationService.class);
    static final String CASE_PREFIX = "RM";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The key of a decision's details holding the date of the meeting it was taken at
     * ({@code yyyy-MM-dd}): the street committee's and the standing committee's meetings.
     */
    public static final String MEETING_DATE_DETAIL = ConsultationProcess.MEETING_DATE;

    private final ConsultationCaseRepository cases;
    private final DecisionRecord decisions;
    private final Notifications notifications;
    private final CaseNumbers numbers;
    private final OrgDirectory directory;
    private final GroupCatalog groups;

    ConsultationService(ConsultationCaseRepository cases, DecisionRecord decisions,
            Notifications notifications, CaseNumbers numbers, OrgDirectory directory, GroupCatalog groups) {
        this.groups = groups;
        this.cases = cases;
        this.decisions = decisions;
        this.notifications = notifications;
        this.numbers = numbers;
        this.directory = directory;
    }

    /**
     * Validates the start variables and opens the case. {@code initiatorGroups} null means a
     * system start (no logged-in user); otherwise the user must act for the proposing department.
     */
    public ConsultationCase open(Map<String, Object> variables, String initiator, Collection<String> initiatorGroups,
            String processInstanceId) {
        ConsultationRequest request = ConsultationRequests.parse(variables, directory::findActiveAgency);
        if (initiatorGroups != null && !initiatorGroups.contains(PostRole.DEPARTMENT.groupId(request.deptCode()))
                && !initiatorGroups.contains(PostRole.ADMIN.groupId(null))) {
            throw new InvalidInputException("您不是部门 " + request.deptCode() + " 的工作人员，不能以该部门名义发起任免征求意见");
        }
        Agency agency = directory.requireAgency(request.agencyCode());
        LocalDateTime now = CaseClock.now();
        ConsultationCase c = new ConsultationCase(numbers.next(CASE_PREFIX), request,
                agency.getOrgCode(), agency.getHeadName(), initiator, now);
        c.attachTo(processInstanceId);
        cases.save(c);
        log.info("任免征求意见案件 {} 已发起: {} {} {}", c.getCaseNo(), request.action().label(), agency.getCode(),
                request.candidateName());
        return c;
    }

    /** Records the mode and authority decided by the rules; returns the street's reply deadline. */
    public LocalDateTime applyRule(long caseId, String mode, String authority, int replyDays) {
        ConsultationCase c = require(caseId);
        // whole seconds: the engine keeps due dates without milliseconds on MariaDB/MySQL
        LocalDateTime deadline = CaseClock.now().plusDays(replyDays).truncatedTo(ChronoUnit.SECONDS);
        c.applyRule(mode, authority, replyDays, deadline);
        return deadline;
    }

    /** The street gets more time after the organisation department chased it; returns the new deadline. */
    public LocalDateTime extendDeadline(long caseId, Duration extension) {
        ConsultationCase c = require(caseId);
        LocalDateTime deadline = CaseClock.now().plus(extension).truncatedTo(ChronoUnit.SECONDS);
        c.extendDeadline(deadline);
        return deadline;
    }

    public CaseNotification notify(long caseId, NoticeKind kind, String group, String message) {
        ConsultationCase c = require(caseId);
        return notifications.send(Notice.toGroup(c.getCaseNo(), c.getProcessInstanceId(), kind, group, message));
    }

    /**
     * Changes the agency's head as approved: appointment sets the candidate, removal clears the
     * head, transfer moves the candidate to this agency's post (leaving the post the candidate
     * held at another agency, if any, vacant).
     */
    public void applyAppointment(long caseId) {
        ConsultationCase c = require(caseId);
        LocalDate since = CaseClock.now().toLocalDate();
        switch (c.getAction()) {
            case APPOINT -> directory.appointHead(c.getAgencyCode(), c.getCandidateName(), c.getPositionTitle(), since);
            case REMOVE -> directory.removeHead(c.getAgencyCode());
            case TRANSFER -> {
                for (Agency other : directory.agencies()) {
                    if (!other.getCode().equals(c.getAgencyCode()) && c.getCandidateName().equals(other.getHeadName())) {
                        directory.removeHead(other.getCode());
                        log.info("案件 {}: {} 调离 {}", c.getCaseNo(), c.getCandidateName(), other.getCode());
                    }
                }
                directory.appointHead(c.getAgencyCode(), c.getCandidateName(), c.getPositionTitle(), since);
            }
        }
        log.info("案件 {}: 已在组织模型中{} {} 负责人", c.getCaseNo(), c.getAction().label(), c.getAgencyCode());
    }

    public void informStreet(long caseId) {
        ConsultationCase c = require(caseId);
        c.streetInformed(CaseClock.now());
        notify(caseId, NoticeKind.INFO, PostRole.STREET_COMMITTEE.groupId(c.getOrgCode()),
                "案件 " + c.getCaseNo() + "：" + c.getAction().label() + " " + c.getCandidateName() + " 为 "
                        + c.getPositionTitle() + " 已批准，特此告知");
    }

    public void close(long caseId, ConsultationCase.Status status) {
        ConsultationCase c = require(caseId);
        c.close(status, CaseClock.now());
        log.info("案件 {} 办结: {}", c.getCaseNo(), status);
    }

    @Transactional(readOnly = true)
    public ConsultationCase require(long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new NotFoundException("未知的任免案件: " + caseId));
    }

    @Transactional(readOnly = true)
    public ConsultationCase requireByCaseNo(String caseNo) {
        return cases.findByCaseNo(caseNo).orElseThrow(() -> new NotFoundException("未知的任免案件: " + caseNo));
    }

    /** The opinions and decisions on the case, oldest first (the kernel's record). */
    @Transactional(readOnly = true)
    public List<CaseDecision> opinions(long caseId) {
        return decisions.ofCase(require(caseId).getCaseNo());
    }

    @Transactional(readOnly = true)
    public List<CaseNotification> notifications(long caseId) {
        return notifications.ofCase(require(caseId).getCaseNo());
    }

    /** The case as the forms show it (read-only text). */
    @Transactional(readOnly = true)
    public String summary(long caseId) {
        ConsultationCase c = require(caseId);
        Agency agency = directory.requireAgency(c.getAgencyCode());
        StringBuilder s = new StringBuilder();
        s.append("案件编号：").append(c.getCaseNo()).append('\n');
        s.append("提出部门：").append(directory.requireDepartment(c.getDeptCode()).getName()).append('\n');
        s.append("派驻机构：").append(agency.getName()).append("，所在：")
                .append(directory.requireUnit(c.getOrgCode()).getName()).append('\n');
        s.append("任免类型：").append(c.getAction().label()).append('\n');
        s.append("人选：").append(nz(c.getCandidateName())).append('\n');
        s.append("职务：").append(c.getPositionTitle()).append("（").append(c.getPositionLevel().label()).append("）\n");
        s.append("现任负责人：").append(nz(c.getPreviousHeadName())).append('\n');
        s.append("理由：").append(clip(c.getReason(), 800)).append('\n');
        if (c.getDossierRef() != null) {
            s.append("考察材料：").append(c.getDossierRef()).append('\n');
        }
        if (c.getSuggestionNo() != null) {
            s.append("来源：街道建议 ").append(c.getSuggestionNo()).append('\n');
        }
        if (c.getConsultationMode() != null) {
            s.append("征求方式：").append("CONSENT".equals(c.getConsultationMode()) ? "征得同意" : "征求意见")
                    .append("；最终决定：").append(authorityLabel(c.getFinalAuthority())).append('\n');
            s.append("街道答复期限：").append(TIME.format(c.getReplyDeadline()));
        }
        return s.toString();
    }

    /** The earlier opinions and decisions as the forms show them (read-only text). */
    @Transactional(readOnly = true)
    public String history(long caseId) {
        List<CaseDecision> list = opinions(caseId);
        if (list.isEmpty()) {
            return "（暂无意见）";
        }
        StringBuilder s = new StringBuilder();
        for (CaseDecision d : list) {
            s.append(TIME.format(CaseClock.toLocal(d.getDecidedAt()))).append(' ').append(d.getStepName()).append("：")
                    .append(d.getDecisionLabel() != null ? d.getDecisionLabel() : nz(d.getDecision()));
            s.append("（").append(d.getActorGroup() == null ? "" : groups.nameOf(d.getActorGroup()).orElse(d.getActorGroup())).append(' ')
                    .append(nz(directory.personName(d.getActorUser())));
            LocalDate meetingDate = meetingDate(d);
            if (meetingDate != null) {
                s.append("，会议日期 ").append(meetingDate);
            }
            s.append("）");
            if (d.getComment() != null) {
                s.append(" ").append(clip(d.getComment(), 400));
            }
            s.append('\n');
        }
        // a form text is a String variable (at most 4000 characters in the engine's tables)
        return clip(s.toString().trim(), 3800);
    }

    /** The date of the meeting a decision was taken at (from its details), or null. */
    public static LocalDate meetingDate(CaseDecision decision) {
        if (decision.getDetails() == null) {
            return null;
        }
        try {
            JsonNode date = JSON.readTree(decision.getDetails()).get(MEETING_DATE_DETAIL);
            return date == null || !date.isTextual() ? null : LocalDate.parse(date.asText());
        } catch (JsonProcessingException | DateTimeParseException e) {
            log.warn("决定 {} 的会议日期无法读取: {}", decision.getId(), decision.getDetails());
            return null;
        }
    }

    /** Shortens a text for the read-only form fields; the full text stays in the tables. */
    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static String authorityLabel(String authority) {
        if (authority == null) {
            return "";
        }
        return switch (authority) {
            case "DEPARTMENT" -> "部门";
            case "ORG_DEPT" -> "区委组织部";
            case "STANDING_COMMITTEE" -> "区委常委会";
            default -> authority;
        };
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }
}
