package cn.streetgov.majormatter.api;

import cn.streetgov.common.ForbiddenException;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.majormatter.domain.MajorMatter;
import cn.streetgov.majormatter.domain.MajorMatterOpinion;
import cn.streetgov.majormatter.domain.MajorMatterService;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.security.CurrentUser;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only views of major-matter consultations: one matter with every street's opinion and the
 * sender's answers, and the matters concerning one street/town. Visible to the sender's officials,
 * the affected streets' officials (committee and office), 区政府, 区委组织部 and auditors.
 */
@RestController
@RequestMapping("/api/major-matters")
class MajorMatterController {

    private static final List<String> DISTRICT = List.of(PostRole.DISTRICT_GOVERNMENT.groupId(null),
            PostRole.ORG_DEPT.groupId(null), CurrentUser.AUDITOR);

    private final MajorMatterService matters;
    private final OrgDirectory org;

    MajorMatterController(MajorMatterService matters, OrgDirectory org) {
        this.matters = matters;
        this.org = org;
    }

    record OpinionView(String orgCode, String orgName, String opinion, String opinionLabel, String text,
            LocalDate meetingDate, String submittedBy, LocalDateTime submittedAt, boolean overdue, String answer,
            String answerLabel, String answerReason, String answeredBy, LocalDateTime answeredAt) {
    }

    record MatterView(String caseNo, String processInstanceId, String senderCode, String senderName, String matterType,
            String matterTypeLabel, String title, String summary, String documentRef, LocalDateTime opinionDeadline,
            String status, String decision, String decisionLabel, String decisionNote, String decidedBy,
            LocalDateTime decidedAt, String startedBy, LocalDateTime createdAt, List<OpinionView> opinions) {
    }

    @GetMapping("/{caseNo}")
    MatterView matter(@PathVariable String caseNo, CurrentUser user) {
        MajorMatter matter = matters.requireByCaseNo(caseNo);
        List<MajorMatterOpinion> opinions = matters.opinions(matter.getId());
        if (!mayRead(user, matter, opinions)) {
            throw new ForbiddenException("您所在的单位不是本事项的征求意见单位或涉及的街道/镇，不能查看");
        }
        return view(matter, opinions);
    }

    @GetMapping
    List<MatterView> concerning(@RequestParam(required = false) String org, CurrentUser user) {
        if (org == null || org.isBlank()) {
            throw new InvalidInputException("请指定街道/镇（参数 org，如 S01）");
        }
        String code = org.trim();
        if (this.org.findUnit(code).isEmpty()) {
            throw new InvalidInputException("未知的街道/镇: " + code);
        }
        boolean district = user.isAdmin() || DISTRICT.stream().anyMatch(user::isMemberOf);
        boolean ownStreet = user.isMemberOf(PostRole.STREET_COMMITTEE.groupId(code))
                || user.isMemberOf(PostRole.STREET_OFFICE.groupId(code));
        List<MajorMatter> list = matters.concerning(code);
        if (!district && !ownStreet) {
            // a department sees the matters it sent to this street, nothing else
            if (user.groupIds().stream().noneMatch(g -> g.startsWith(PostRole.DEPARTMENT.groupId("")))) {
                throw new ForbiddenException("只能查看本街道/镇或本部门的重大事项征求意见");
            }
            list = list.stream().filter(m -> user.isMemberOf(MajorMatterService.senderGroup(m.getSenderCode()))).toList();
        }
        return list.stream().map(m -> view(m, matters.opinions(m.getId()))).toList();
    }

    private static boolean mayRead(CurrentUser user, MajorMatter matter, List<MajorMatterOpinion> opinions) {
        if (user.isAdmin() || DISTRICT.stream().anyMatch(user::isMemberOf)
                || user.isMemberOf(MajorMatterService.senderGroup(matter.getSenderCode()))) {
            return true;
        }
        return opinions.stream().anyMatch(o -> user.isMemberOf(PostRole.STREET_COMMITTEE.groupId(o.getOrgCode()))
                || user.isMemberOf(PostRole.STREET_OFFICE.groupId(o.getOrgCode())));
    }

    private MatterView view(MajorMatter m, List<MajorMatterOpinion> opinions) {
        return new MatterView(m.getCaseNo(), m.getProcessInstanceId(), m.getSenderCode(), matters.senderName(m.getSenderCode()),
                m.getMatterType().name(), m.getMatterType().label(), m.getTitle(), m.getSummary(), m.getDocumentRef(),
                m.getOpinionDeadline(), m.getStatus().name(), m.getDecision() == null ? null : m.getDecision().name(),
                m.getDecision() == null ? null : m.getDecision().label(), m.getDecisionNote(), m.getDecidedBy(),
                m.getDecidedAt(), m.getStartedBy(), m.getCreatedAt(), opinions.stream().map(this::view).toList());
    }

    private OpinionView view(MajorMatterOpinion o) {
        return new OpinionView(o.getOrgCode(), org.nameOf(o.getOrgCode()).orElse(o.getOrgCode()),
                o.getOpinion() == null ? null : o.getOpinion().name(),
                o.getOpinion() == null ? (o.isOverdue() ? "逾期未反馈" : "尚未反馈") : o.getOpinion().label(),
                o.getOpinionText(), o.getMeetingDate(), o.getSubmittedBy(), o.getSubmittedAt(), o.isOverdue(),
                o.getAnswer() == null ? null : o.getAnswer().name(), o.getAnswer() == null ? null : o.getAnswer().label(),
                o.getAnswerReason(), o.getAnsweredBy(), o.getAnsweredAt());
    }
}
