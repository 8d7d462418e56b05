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

    /**
     * What kind of entry this is: an official's decision on a task, a step the engine took, or one of
     * the approval operations ({@code approval} package) on a task.
     */
    public enum Type {
        DECISION("审批"),
        SYSTEM("系统处理"),
        RETURN("退回"),
        WITHDRAW("撤回"),
        TRANSFER("转办"),
        DELEGATE("委派"),
        RESOLVE("交还"),
        ADD_SIGN("加签"),
        REMOVE_SIGN("减签"),
        /** an added approver's opinion (加签意见) */
        SIGN("加签意见"),
        COPY("抄送"),
        READ("已阅"),
        URGE("催办");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
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

    /** The actor's post in that organisation (e.g. 党工委书记), as it was when they acted. */
    @Column(name = "actor_post")
    private String actorPost;

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

    public String getActorPost() {
        return actorPost;
    }

    void setActorPost(String actorPost) {
        this.actorPost = actorPost;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
