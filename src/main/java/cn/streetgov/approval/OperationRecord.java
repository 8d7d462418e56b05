package cn.streetgov.approval;

import cn.streetgov.audit.AuditEvent;
import cn.streetgov.audit.AuditEventType;
import cn.streetgov.audit.AuditTrail;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.casework.Json;
import cn.streetgov.casework.Notice;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.Notifications;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Writes what an approval operation did, in the operation's transaction: one typed entry of the
 * kernel's decision record ({@code case_decision}: type, text, person, organisation and post, time),
 * the same in the case's audit trail, and the notices for the people it concerns.
 */
@Component
class OperationRecord {

    private final DecisionRecord decisions;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final IdentityService identity;
    private final EngineWork engine;

    OperationRecord(DecisionRecord decisions, AuditTrail audit, Notifications notifications,
            IdentityService identity, EngineWork engine) {
        this.engine = engine;
        this.decisions = decisions;
        this.audit = audit;
        this.notifications = notifications;
        this.identity = identity;
    }

    /** Where on the case it happened: the task (or completed task) and its step. */
    record Step(CaseRef ref, String taskId, String taskKey, String stepName) {
    }

    CaseDecision record(Step step, CaseDecision.Type type, String decision, String decisionLabel, String text,
            Map<String, ?> details, String userId, String groupId) {
        String detailsJson = details == null || details.isEmpty() ? null : Json.write(details);
        CaseDecision row = decisions.record(new CaseDecision.Entry(step.ref().caseNo(),
                step.ref().processInstanceId(), step.ref().processKey(), step.taskId(), step.taskKey(),
                step.stepName(), type, decision, decisionLabel, text, detailsJson, userId, groupId));
        audit.record(new AuditEvent(step.ref().processInstanceId(), step.ref().caseNo(), step.ref().processKey(),
                AuditEventType.valueOf(type.name()), step.taskKey(), step.stepName(), step.taskId(), userId, groupId,
                groupName(groupId), decision, text, detailsJson, CaseClock.instant()));
        return row;
    }

    void notifyUser(Step step, NoticeKind kind, String userId, String message) {
        notifications.send(Notice.toUser(step.ref().caseNo(), step.ref().processInstanceId(), kind, userId,
                message));
    }

    void notifyGroup(Step step, NoticeKind kind, String groupId, String message) {
        notifications.send(Notice.toGroup(step.ref().caseNo(), step.ref().processInstanceId(), kind, groupId,
                message));
    }

    String groupName(String groupId) {
        if (groupId == null) {
            return null;
        }
        Group group = engine.privileged(() -> identity.createGroupQuery().groupId(groupId).singleResult());
        return group == null ? null : group.getName();
    }
}
