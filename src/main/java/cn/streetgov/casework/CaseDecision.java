package cn.streetgov.casework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One decision or opinion on a case, of any workflow: who, for which organisation, when, on which
 * step, what, why, and the further input it came with ({@code details}, JSON). The kernel's
 * decision listener writes it when an official completes a user task; the engine's own steps
 * (a reopening, a close) are recorded with no user.
 */
@Entity
@Table(name = "case_decision")
public class CaseDecision extends CaseEntry {

    /** What kind of entry this is; the approval operations add returns, transfers and the like. */
    public enum Type {
        DECISION,
        SYSTEM
    }

    @Column(name = "process_key")
    private String processKey;

    @Column(name = "task_id")
    private String taskId;

    @Column(name = "task_key")
    private String taskKey;

    @Column(name = "step_name")
    private String stepName;

    @Column(name = "entry_type")
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Type type;

    private String decision;

    @Column(name = "decision_label")
    private String decisionLabel;

    @Column(name = "comment_text")
    private String comment;

    /** The further input and context of the decision, as a JSON object. */
    private String details;

    @Column(name = "actor_user")
    private String actorUser;

    @Column(name = "actor_group")
    private String actorGroup;

    @JdbcTypeCode(SqlTypes.TIMESTAMP_UTC)
    @Column(name = "decided_at")
    private Instant decidedAt;

    protected CaseDecision() {
    }

    CaseDecision(Entry entry, Instant decidedAt) {
        super(entry.caseNo(), entry.processInstanceId());
        this.processKey = entry.processKey();
        this.taskId = entry.taskId();
        this.taskKey = entry.taskKey();
        this.stepName = entry.stepName();
        this.type = entry.type();
        this.decision = entry.decision();
        this.decisionLabel = entry.decisionLabel();
        this.comment = entry.comment();
        this.details = entry.details();
        this.actorUser = entry.actorUser();
        this.actorGroup = entry.actorGroup();
        this.decidedAt = decidedAt;
    }

    /** A row as the record would store it (for hooks tested without a database). */
    public static CaseDecision of(Entry entry, Instant decidedAt) {
        return new CaseDecision(entry, decidedAt);
    }

    /**
     * What to record.
     *
     * @param details JSON object text, or null
     */
    public record Entry(String caseNo, String processInstanceId, String processKey, String taskId, String taskKey,
            String stepName, Type type, String decision, String decisionLabel, String comment, String details,
            String actorUser, String actorGroup) {
    }

    /** Adds what a workflow's hook worked out (a grade, a score) to the recorded decision. */
    public void amend(String decision, String decisionLabel, String details) {
        this.decision = decision;
        this.decisionLabel = decisionLabel;
        this.details = details;
    }

    public String getProcessKey() {
        return processKey;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getTaskKey() {
        return taskKey;
    }

    public String getStepName() {
        return stepName;
    }

    public Type getType() {
        return type;
    }

    public String getDecision() {
        return decision;
    }

    public String getDecisionLabel() {
        return decisionLabel;
    }

    public String getComment() {
        return comment;
    }

    public String getDetails() {
        return details;
    }

    public String getActorUser() {
        return actorUser;
    }

    public String getActorGroup() {
        return actorGroup;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
