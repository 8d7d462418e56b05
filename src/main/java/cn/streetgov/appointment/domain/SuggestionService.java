package cn.streetgov.appointment.domain;

import cn.streetgov.appointment.process.SuggestionProcess;
import cn.streetgov.casework.CaseNotification;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.Notice;
import cn.streetgov.casework.Notifications;
import cn.streetgov.casework.CaseNumbers;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Agency;
import cn.streetgov.org.domain.PostRole;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A street committee's suggestion right (建议权): the suggestion and the department's answer. */
@Service
@Transactional
public class SuggestionService {

    private static final Logger log = LoggerFactory.getLogger(SuggestionService.class);
    static final String SUGGESTION_PREFIX = "JY";
    private static final String COMMITTEE_PREFIX = PostRole.STREET_COMMITTEE.groupId("");

    private final SuggestionRepository suggestions;
    private final Notifications notifications;
    private final CaseNumbers numbers;
    private final OrgDirectory directory;

    SuggestionService(SuggestionRepository suggestions, Notifications notifications,
            CaseNumbers numbers, OrgDirectory directory) {
        this.suggestions = suggestions;
        this.notifications = notifications;
        this.numbers = numbers;
        this.directory = directory;
    }

    /**
     * Validates and records a suggestion. A logged-in street committee member may only suggest for
     * agencies stationed in the own street/town; starts by the system (e.g. after an assessment)
     * carry no street committee group and are accepted as sent.
     */
    public Suggestion open(Map<String, Object> variables, String initiator, Collection<String> initiatorGroups,
            String processInstanceId, Duration answerPeriod) {
        Object post = variables.get(SuggestionProcess.POST_TYPE);
        StreetPost postType = ConsultationRequests.text(post) == null ? StreetPost.AGENCY_HEAD
                : ConsultationRequests.parseEnum(StreetPost.class, post);
        if (postType == null) {
            throw new InvalidInputException("岗位类别无效，应为派驻机构负责人或街道的" + StreetPost.streetOwnLabels());
        }
        if (postType.isStreetOwn()) {
            return nominate(postType, variables, initiator, initiatorGroups, processInstanceId, answerPeriod);
        }
        List<String> errors = new ArrayList<>();
        String agencyCode = ConsultationRequests.text(variables.get(SuggestionProcess.AGENCY_CODE));
        CadreAction action = ConsultationRequests.parseEnum(CadreAction.class, variables.get(SuggestionProcess.ACTION));
        String reason = ConsultationRequests.text(variables.get(SuggestionProcess.REASON));
        Agency agency = null;
        if (agencyCode == null) {
            errors.add("请选择派驻机构（agencyCode）");
        } else {
            agency = directory.findActiveAgency(agencyCode).orElse(null);
            if (agency == null) {
                errors.add("未知或已停用的派驻机构: " + agencyCode);
            }
        }
        if (action == null) {
            errors.add("建议类型无效，应为 任职（APPOINT）、免职（REMOVE）或 调整（TRANSFER）");
        }
        if (reason == null) {
            errors.add("请填写建议理由");
        } else if (reason.length() > ConsultationRequests.MAX_TEXT) {
            errors.add("建议理由不能超过 " + ConsultationRequests.MAX_TEXT + " 字");
        }
        if (agency != null && initiatorGroups != null
                && initiatorGroups.stream().anyMatch(g -> g.startsWith(COMMITTEE_PREFIX))
                && !initiatorGroups.contains(PostRole.STREET_COMMITTEE.groupId(agency.getOrgCode()))) {
            errors.add("派驻机构 " + agency.getName() + " 不在本街道/镇，不能对其负责人提出建议");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDateTime now = CaseClock.now();
        Suggestion s = new Suggestion(numbers.next(SUGGESTION_PREFIX), agency.getOrgCode(),
                agency.getCode(), agency.getDeptCode(), action, reason, initiator, now, now.plus(answerPeriod));
        s.attachTo(processInstanceId);
        suggestions.save(s);
        log.info("街道建议 {} 已提出: {} {}", s.getSuggestionNo(), action.label(), agency.getCode());
        return s;
    }

    /**
     * Validates and records a street committee's proposal of the holder of one of its own posts (福田):
     * the street, the competent department, 任职 or 免职, the person and the reason. A logged-in street
     * committee member proposes for the own street/town only.
     */
    private Suggestion nominate(StreetPost post, Map<String, Object> variables, String initiator,
            Collection<String> initiatorGroups, String processInstanceId, Duration consentPeriod) {
        List<String> errors = new ArrayList<>();
        String orgCode = ConsultationRequests.text(variables.get(SuggestionProcess.ORG_CODE));
        String deptCode = ConsultationRequests.text(variables.get(SuggestionProcess.DEPT_CODE));
        CadreAction action = ConsultationRequests.parseEnum(CadreAction.class, variables.get(SuggestionProcess.ACTION));
        String candidate = ConsultationRequests.text(variables.get(SuggestionProcess.CANDIDATE_NAME));
        String reason = ConsultationRequests.text(variables.get(SuggestionProcess.REASON));
        if (orgCode == null) {
            errors.add("请选择提出人选的街道/镇（orgCode）");
        } else if (directory.findActiveUnit(orgCode).isEmpty()) {
            errors.add("未知或已停用的街道/镇: " + orgCode);
        } else if (initiatorGroups != null && !initiatorGroups.contains(PostRole.STREET_COMMITTEE.groupId(orgCode))) {
            errors.add("只有本街道/镇党(工)委才能提出" + post.label() + "人选");
        }
        if (deptCode == null) {
            errors.add("请选择征求同意的区级业务主管部门（deptCode）");
        } else if (directory.findActiveDepartment(deptCode).isEmpty()) {
            errors.add("未知或已停用的部门: " + deptCode);
        }
        if (action != CadreAction.APPOINT && action != CadreAction.REMOVE) {
            errors.add("街道岗位人选只能建议任职（APPOINT）或免职（REMOVE）");
        }
        if (candidate == null) {
            errors.add(action == CadreAction.REMOVE ? "请填写拟免职人员姓名" : "请填写拟任人选姓名");
        } else if (candidate.length() > 50) {
            errors.add("人选姓名不能超过 50 字");
        }
        if (reason == null) {
            errors.add("请填写提名理由（党(工)委研究意见）");
        } else if (reason.length() > ConsultationRequests.MAX_TEXT) {
            errors.add("提名理由不能超过 " + ConsultationRequests.MAX_TEXT + " 字");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDateTime now = CaseClock.now();
        Suggestion s = Suggestion.nomination(numbers.next(SUGGESTION_PREFIX), orgCode, post, deptCode, action,
                candidate, reason, initiator, now, now.plus(consentPeriod));
        s.attachTo(processInstanceId);
        suggestions.save(s);
        log.info("街道人选提名 {} 已提出: {} {} {}", s.getSuggestionNo(), orgCode, post.label(), action.label());
        return s;
    }

    /** The consent period the rules give (consultation-mode.dmn, 答复期限) replaces the default one. */
    public LocalDateTime consentDeadline(long id, int days) {
        Suggestion s = require(id);
        s.setAnswerDeadline(s.getCreatedAt().plusDays(days));
        return s.getAnswerDeadline();
    }

    /** The competent department consents; the organisation department decides next. */
    public void consent(long id, String comment, String by) {
        require(id).consent(comment, by, CaseClock.now());
    }

    /** The organisation department approves the street's candidate; the street is told. */
    public void approveNomination(long id, String comment, String by) {
        Suggestion s = require(id);
        s.approve(comment, by, CaseClock.now());
        notify(id, NoticeKind.CASE_END, PostRole.STREET_COMMITTEE.groupId(s.getOrgCode()),
                "人选提名 " + s.getSuggestionNo() + " 已获区委组织部批复：" + s.getCandidateName() + " "
                        + s.getAction().label() + directory.requireUnit(s.getOrgCode()).getName() + s.getPostType().label());
    }

    /** The approved holders of a street's own posts, one per post (the latest approval). */
    @Transactional(readOnly = true)
    public List<Suggestion> approvedNominations(String orgCode) {
        Map<StreetPost, Suggestion> latest = new java.util.EnumMap<>(StreetPost.class);
        for (Suggestion s : suggestions.findByOrgCodeOrderByIdDesc(orgCode)) {
            if (s.isNomination() && s.getApprovedAt() != null) {
                latest.putIfAbsent(s.getPostType(), s);
            }
        }
        return List.copyOf(latest.values());
    }

    public void accept(long id, String comment, String by, String caseNo) {
        Suggestion s = require(id);
        s.answer(Suggestion.Status.ACCEPTED, comment, by, CaseClock.now());
        s.resultedIn(caseNo);
        notify(id, NoticeKind.CASE_END, PostRole.STREET_COMMITTEE.groupId(s.getOrgCode()),
                "建议 " + s.getSuggestionNo() + " 已被采纳，已发起任免征求意见案件 " + caseNo);
    }

    public void decline(long id, String comment, String by) {
        Suggestion s = require(id);
        s.answer(Suggestion.Status.DECLINED, comment, by, CaseClock.now());
    }

    public CaseNotification notify(long id, NoticeKind kind, String group, String message) {
        Suggestion s = require(id);
        return notifications.send(Notice.toGroup(s.getSuggestionNo(), s.getProcessInstanceId(), kind, group, message));
    }

    @Transactional(readOnly = true)
    public Suggestion require(long id) {
        return suggestions.findById(id).orElseThrow(() -> new NotFoundException("未知的街道建议: " + id));
    }

    @Transactional(readOnly = true)
    public List<Suggestion> ofOrg(String orgCode) {
        return suggestions.findByOrgCodeOrderByIdDesc(orgCode);
    }

    @Transactional(readOnly = true)
    public List<CaseNotification> notifications(long id) {
        return notifications.ofCase(require(id).getSuggestionNo());
    }

    /** The suggestion as the forms show it (read-only text). */
    @Transactional(readOnly = true)
    public String summary(long id) {
        Suggestion s = require(id);
        if (s.isNomination()) {
            return nominationSummary(s);
        }
        Agency agency = directory.requireAgency(s.getAgencyCode());
        StringBuilder b = new StringBuilder();
        b.append("建议编号：").append(s.getSuggestionNo()).append('\n');
        b.append("提出：").append(directory.requireUnit(s.getOrgCode()).getName()).append("党(工)委\n");
        b.append("派驻机构：").append(agency.getName()).append('\n');
        b.append("现任负责人：").append(agency.getHeadName() == null ? "—" : agency.getHeadName()).append('\n');
        b.append("建议：").append(s.getAction().label()).append('\n');
        b.append("理由：").append(ConsultationService.clip(s.getReason(), 1500));
        if (s.getAnswerComment() != null) {
            b.append("\n部门答复：").append(ConsultationService.clip(s.getAnswerComment(), 1500));
        }
        return b.toString();
    }

    private String nominationSummary(Suggestion s) {
        StringBuilder b = new StringBuilder();
        b.append("提名编号：").append(s.getSuggestionNo()).append('\n');
        b.append("提出：").append(directory.requireUnit(s.getOrgCode()).getName()).append("党(工)委\n");
        b.append("岗位：").append(s.getPostType().label()).append('\n');
        b.append(s.getAction() == CadreAction.REMOVE ? "拟免职人员：" : "拟任人选：").append(s.getCandidateName()).append('\n');
        b.append("建议：").append(s.getAction().label()).append('\n');
        b.append("业务主管部门：").append(directory.requireDepartment(s.getDeptCode()).getName()).append('\n');
        b.append("理由：").append(ConsultationService.clip(s.getReason(), 1500));
        if (s.getConsentedAt() != null) {
            b.append("\n部门意见：同意").append(s.getConsentComment() == null ? ""
                    : "。" + ConsultationService.clip(s.getConsentComment(), 1000));
        }
        if (s.getAnswerComment() != null) {
            b.append("\n答复：").append(ConsultationService.clip(s.getAnswerComment(), 1500));
        }
        return b.toString();
    }
}
