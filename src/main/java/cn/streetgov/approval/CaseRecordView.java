package cn.streetgov.approval;

import cn.streetgov.audit.AuditTrail;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseIndex;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.casework.TaskDecisions;
import cn.streetgov.common.ForbiddenException;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.security.CurrentUser;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading a case's typed record of opinions (审批意见) and the copies sent to the caller (抄送我的).
 * A case is read by those who took part in it, were copied on it, started it, or whose
 * organisation it belongs to (a task of it is theirs, or its workflow names the organisation, see
 * {@link CaseIndex#orgCodes}) — and by auditors and administrators. The officials' workspace asks the
 * same ({@link #requireMayRead(CurrentUser, String)}).
 */
@Service
public class CaseRecordView {

    private final EngineWork engine;
    private final HistoryService history;
    private final TaskService tasks;
    private final DecisionRecord decisions;
    private final CaseCopyRepository copies;
    private final TaskAccess access;
    private final OperationRecord record;
    private final ApprovalOperations operations;
    private final AuditTrail audit;
    private final ObjectProvider<TaskDecisions> declarations;
    private final CaseIndex index;

    CaseRecordView(EngineWork engine, HistoryService history, TaskService tasks, DecisionRecord decisions,
            CaseCopyRepository copies, TaskAccess access, OperationRecord record, ApprovalOperations operations,
            AuditTrail audit, ObjectProvider<TaskDecisions> declarations, CaseIndex index) {
        this.index = index;
        this.engine = engine;
        this.history = history;
        this.tasks = tasks;
        this.decisions = decisions;
        this.copies = copies;
        this.access = access;
        this.record = record;
        this.operations = operations;
        this.audit = audit;
        this.declarations = declarations;
    }

    /** One entry of the typed record as officials read it. */
    public record Opinion(String type, String typeLabel, String text, String userId, String userName, String orgCode,
            String orgName, String post, OffsetDateTime time, String stepName, String decision,
            String decisionLabel, String taskId) {
    }

    @Transactional(readOnly = true)
    public List<Opinion> opinions(CurrentUser user, String processInstanceId) {
        requireMayRead(user, processInstanceId);
        List<Opinion> opinions = new ArrayList<>();
        for (CaseDecision entry : decisions.ofProcessInstance(processInstanceId)) {
            if (entry.getType() != CaseDecision.Type.SYSTEM) {
                opinions.add(opinion(entry));
            }
        }
        return opinions;
    }

    /** One entry of the record as officials read it (the caller has checked that they may read the case). */
    public Opinion opinion(CaseDecision entry) {
        String type = type(entry);
        return new Opinion(type, label(type), entry.getComment(), entry.getActorUser(),
                operations.displayName(entry.getActorUser()), orgCode(entry.getActorGroup()),
                groupName(entry.getActorGroup()), entry.getActorPost(),
                entry.getDecidedAt() == null ? null : entry.getDecidedAt().atZone(CaseClock.zone()).toOffsetDateTime(),
                entry.getStepName(), entry.getDecision(), readable(entry.getDecisionLabel()), entry.getTaskId());
    }

    /**
     * A decision's label as people read it, or null: a step without a choice (a whistle's report)
     * records a code as its decision and label (REPORTED), which says nothing to a person — its type
     * and text do.
     */
    public static String readable(String decisionLabel) {
        return decisionLabel == null || decisionLabel.matches("[A-Z][A-Z0-9_]*") ? null : decisionLabel;
    }

    /** The Chinese name of a Camunda group (东华街道办事处 for street-office-S01), or null. */
    public String groupName(String groupId) {
        return record.groupName(groupId);
    }

    /**
     * The opinion type: an official's decision is an approval, a rejection (the values its task
     * declares as saying no) or, on a task without a choice (a report), a comment; an added
     * approver's sign is an approval or a rejection; every operation is its own type.
     */
    private String type(CaseDecision entry) {
        return switch (entry.getType()) {
            case DECISION -> {
                TaskDecisions.TaskDecision declared = declarations.orderedStream()
                        .filter(d -> d.processKey().equals(entry.getProcessKey())).findFirst()
                        .map(d -> d.byTask().get(entry.getTaskKey())).orElse(null);
                if (declared == null || declared.decision() == null) {
                    yield "COMMENT";
                }
                yield declared.rejects(entry.getDecision()) ? "REJECT" : "APPROVE";
            }
            case SIGN -> "DISAGREE".equals(entry.getDecision()) ? "REJECT" : "APPROVE";
            default -> entry.getType().name();
        };
    }

    static String label(String type) {
        return switch (type) {
            case "APPROVE" -> "同意";
            case "REJECT" -> "不同意";
            case "COMMENT" -> "办理意见";
            default -> CaseDecision.Type.valueOf(type).label();
        };
    }

    /** The organisation code of a group (S01 for street-office-S01), the group itself for district bodies. */
    public static String orgCode(String groupId) {
        if (groupId == null) {
            return null;
        }
        for (PostRole role : PostRole.values()) {
            if (role.isUnitScoped()) {
                String prefix = role.groupId("");
                if (groupId.startsWith(prefix)) {
                    return groupId.substring(prefix.length());
                }
            }
        }
        return groupId;
    }

    /**
     * The case is there (404 otherwise) and the user may read it (403 with the Chinese reason
     * otherwise).
     */
    @Transactional(readOnly = true)
    public void requireMayRead(CurrentUser user, String processInstanceId) {
        requireReadable(user, processInstanceId);
    }

    /**
     * A case as another feature names it after checking that the caller may read it: its case number,
     * process, whether it still runs, and the caller's group it concerns (for the audit trail).
     */
    public record ReadableCase(String processInstanceId, String caseNo, String processKey, boolean running,
            String actingGroupId, String actingGroupName) {
    }

    /** The case is there (404 otherwise) and the user may read it (403 otherwise): what another feature needs of it. */
    @Transactional(readOnly = true)
    public ReadableCase requireReadable(CurrentUser user, String processInstanceId) {
        CaseRef ref = CaseRef.of(engine, history, processInstanceId);
        if (ref == null) {
            throw new NotFoundException("案件不存在：" + processInstanceId);
        }
        requireMayRead(user, ref);
        // the caller's group of one of the case's organisations, else their first group
        java.util.Set<String> caseOrgs = index.orgCodes(processInstanceId);
        String group = user.groupIds().stream()
                .min(java.util.Comparator.comparing((String g) -> !caseOrgs.contains(orgCode(g)))
                        .thenComparing(java.util.Comparator.naturalOrder()))
                .orElse(null);
        return new ReadableCase(ref.processInstanceId(), ref.caseNo(), ref.processKey(), ref.running(), group,
                groupName(group));
    }

    void requireMayRead(CurrentUser user, CaseRef ref) {
        if (!mayRead(user, ref)) {
            throw new ForbiddenException("无权查阅案件 " + ref.caseNo() + "：您未参与该案件，也未收到抄送，该案件不属于您所在的单位");
        }
    }

    boolean mayRead(CurrentUser user, CaseRef ref) {
        String id = ref.processInstanceId();
        if (user.isAdmin() || user.isMemberOf(CurrentUser.AUDITOR)) {
            return true;
        }
        if (user.userId().equals(access.starter(id)) || decisions.tookPart(id, user.userId(), user.groupIds())
                || copies.existsByProcessInstanceIdAndRecipientUser(id, user.userId())) {
            return true;
        }
        java.util.Set<String> ownOrgs = index.orgCodes(id);
        if (user.groupIds().stream().map(CaseRecordView::orgCode).anyMatch(ownOrgs::contains)) {
            return true;
        }
        boolean assigned = engine.privileged(() -> history.createHistoricTaskInstanceQuery().processInstanceId(id)
                .taskAssignee(user.userId()).count()) > 0;
        if (assigned) {
            return true;
        }
        List<Task> open = engine.privileged(() -> tasks.createTaskQuery().processInstanceId(id).list());
        for (Task task : open) {
            for (IdentityLink link : engine.privileged(() -> tasks.getIdentityLinksForTask(task.getId()))) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                        && user.isMemberOf(link.getGroupId())) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ 抄送我的

    public record Copy(Long id, String caseNo, String processInstanceId, String processKey, String processName,
            String stepName, String fromUserId, String fromName, String note, OffsetDateTime copiedAt,
            OffsetDateTime readAt) {
    }

    public record Copies(long unread, List<Copy> items) {
    }

    @Transactional(readOnly = true)
    public Copies copies(CurrentUser user) {
        List<Copy> items = new ArrayList<>();
        for (CaseCopy copy : copies.findTop200ByRecipientUserOrderByIdDesc(user.userId())) {
            CaseRef ref = CaseRef.of(engine, history, copy.getProcessInstanceId());
            items.add(new Copy(copy.getId(), copy.getCaseNo(), copy.getProcessInstanceId(), copy.getProcessKey(),
                    ref == null ? copy.getProcessKey() : ref.processName(), copy.getStepName(), copy.getSenderUser(),
                    operations.displayName(copy.getSenderUser()), copy.getNote(), at(copy.getCopiedAt()),
                    at(copy.getReadAt())));
        }
        return new Copies(copies.countByRecipientUserAndReadAtIsNull(user.userId()), items);
    }

    @Transactional
    public ApprovalOperations.Done read(CurrentUser user, Long copyId) {
        CaseCopy copy = copies.findById(copyId).orElseThrow(() -> new NotFoundException("抄送记录不存在：" + copyId));
        if (!copy.getRecipientUser().equals(user.userId())) {
            throw new ForbiddenException("这不是抄送给您的案件");
        }
        if (copy.getReadAt() != null) {
            return new ApprovalOperations.Done("已阅", copy.getTaskId());
        }
        audit.takeTurn(copy.getProcessInstanceId());
        copy.markRead(CaseClock.instant());
        CaseRef ref = CaseRef.of(engine, history, copy.getProcessInstanceId());
        org.camunda.bpm.engine.history.HistoricTaskInstance copied = engine.privileged(() -> history
                .createHistoricTaskInstanceQuery().taskId(copy.getTaskId()).singleResult());
        OperationRecord.Step step = new OperationRecord.Step(ref, copy.getTaskId(),
                copied == null ? "copy" : copied.getTaskDefinitionKey(), copy.getStepName());
        record.record(step, CaseDecision.Type.READ, null, "已阅", null, java.util.Map.of("copyId", copy.getId()),
                user.userId(), copy.getViaGroup());
        return new ApprovalOperations.Done("已阅", copy.getTaskId());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(CaseClock.zone()).toOffsetDateTime();
    }
}
