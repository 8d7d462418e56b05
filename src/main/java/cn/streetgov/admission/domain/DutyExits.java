package cn.streetgov.admission.domain;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseNumbers;
import cn.streetgov.casework.Notice;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.Notifications;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.PostRole;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business record of duty-exit (退出): a street hands back a duty of its list that a district
 * department guides; the department gives its opinion, 编办 decides, an approved hand-back takes the
 * duty off the list in the street's next list version.
 */
@Service
public class DutyExits {

    private static final Logger log = LoggerFactory.getLogger(DutyExits.class);

    public static final String CASE_PREFIX = "TC";
    static final int TEXT_MAX = 1000;

    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    private final DutyExitCaseRepository cases;
    private final DutyLists lists;
    private final CaseNumbers numbers;
    private final OrgDirectory org;
    private final Notifications notifications;

    DutyExits(DutyExitCaseRepository cases, DutyLists lists, CaseNumbers numbers, OrgDirectory org,
            Notifications notifications) {
        this.cases = cases;
        this.lists = lists;
        this.numbers = numbers;
        this.org = org;
        this.notifications = notifications;
    }

    /** Checks the request (Chinese reasons, nothing written when refused) and opens it. */
    @Transactional
    public DutyExitCase open(String orgCode, String dutyCode, String reason, DutyAdmissions.Starter starter,
            String processInstanceId) {
        List<String> errors = new ArrayList<>();
        String orgValue = DutyAdmissions.trim(orgCode);
        String code = DutyAdmissions.trim(dutyCode);
        String why = DutyAdmissions.trim(reason);
        DutyItem item = null;
        if (orgValue == null) {
            errors.add("请选择申请退出的街道/镇");
        } else if (org.findActiveUnit(orgValue).isEmpty()) {
            errors.add("未知或已停用的街道/镇: " + orgValue);
        } else {
            String name = org.nameOf(orgValue).orElse(orgValue);
            if (starter != null && starter.userId() != null
                    && !starter.groupIds().contains(PostRole.STREET_COMMITTEE.groupId(orgValue))
                    && !starter.groupIds().contains(PostRole.STREET_OFFICE.groupId(orgValue))
                    && !starter.groupIds().contains(PostRole.ADMIN.groupId(null))) {
                errors.add("只能为本街道/镇申请退出事项: " + starter.userId() + " 不是" + name + "的工作人员");
            }
            if (code == null) {
                errors.add("请选择要退出的履职清单事项");
            } else {
                item = lists.currentItem(orgValue, code).orElse(null);
                if (item == null) {
                    errors.add(name + "的履职清单中没有事项 " + code);
                } else if (item.getDeptCode() == null) {
                    errors.add("「" + item.getName() + "」是街道/镇的基本职责，没有主管部门，不能申请退出");
                } else if (!cases.findByOrgCodeAndDutyCodeAndStatusIn(orgValue, code,
                        EnumSet.of(ExitStatus.DEPT_OPINION, ExitStatus.DECISION)).isEmpty()) {
                    errors.add("「" + item.getName() + "」已有在办的退出申请");
                }
            }
        }
        if (why == null) {
            errors.add("请填写退出理由");
        } else if (why.length() > TEXT_MAX) {
            errors.add("退出理由不能超过 " + TEXT_MAX + " 个字");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        DutyExitCase exit = cases.save(new DutyExitCase(numbers.next(CASE_PREFIX), processInstanceId, orgValue, code,
                item.getName(), item.getDeptCode(), why, starter == null ? null : starter.userId(), CaseClock.now()));
        log.info("履职事项退出: {} {} {}", exit.getCaseNo(), orgValue, code);
        return exit;
    }

    @Transactional
    public void recordDeptOpinion(Long caseId, String opinion, String comment) {
        require(caseId).deptOpinion(opinion, comment);
    }

    @Transactional
    public void decide(Long caseId, String decision, String comment, String userId) {
        DutyExitCase exit = require(caseId);
        exit.decide(decision, comment, userId, APPROVE.equals(decision) ? ExitStatus.DECISION : ExitStatus.REJECTED,
                CaseClock.now());
        if (REJECT.equals(decision)) {
            notifications.send(Notice.toGroup(exit.getCaseNo(), exit.getProcessInstanceId(), NoticeKind.CASE_END,
                    PostRole.STREET_COMMITTEE.groupId(exit.getOrgCode()), "退出「" + exit.getDutyName() + "」的申请未获同意"
                            + (comment == null ? "" : "：" + comment)));
        }
    }

    /** Takes the duty off the street's list (its next version) and tells the department. */
    @Transactional
    public void exit(Long caseId) {
        DutyExitCase exit = require(caseId);
        lists.remove(exit.getOrgCode(), exit.getDutyCode(), exit.getCaseNo());
        exit.exited(CaseClock.now());
        notifications.send(Notice.toGroup(exit.getCaseNo(), exit.getProcessInstanceId(), NoticeKind.CASE_END,
                PostRole.DEPARTMENT.groupId(exit.getDeptCode()), org.nameOf(exit.getOrgCode()).orElse(exit.getOrgCode())
                        + "已退出「" + exit.getDutyName() + "」，该事项由本部门承担"));
    }

    /** A return or withdrawal reopened a step: the case stands there again. */
    @Transactional
    public void reopened(Long caseId, ExitStatus status) {
        require(caseId).reopen(status);
    }

    @Transactional(readOnly = true)
    public DutyExitCase require(Long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new NotFoundException("没有退出申请 " + caseId));
    }

    @Transactional(readOnly = true)
    public Optional<DutyExitCase> findByCaseNo(String caseNo) {
        return cases.findByCaseNo(caseNo);
    }
}
