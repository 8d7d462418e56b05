package cn.streetgov.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * An event to append to a case's audit trail. {@code payload} is a JSON object of the values worth
 * keeping (decision details, start variables, the outcome).
 */
public record AuditEvent(
        String processInstanceId,
        String businessKey,
        String processKey,
        AuditEventType type,
        String activityId,
        String activityName,
        String taskId,
        String actorId,
        String actorGroupId,
        String actorGroupName,
        String decision,
        String comment,
        String payload,
        Instant occurredAt) {

    public static final String SYSTEM_ACTOR = "system";

    public AuditEvent {
        Objects.requireNonNull(processInstanceId, "processInstanceId");
        Objects.requireNonNull(processKey, "processKey");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        actorId = actorId == null ? SYSTEM_ACTOR : actorId;
    }
}
