package cn.streetgov.whistle.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A decision taken on a whistle case: who, acting for which group, when, what, and why. */
@Entity
@Table(name = "whistle_decision")
public class WhistleDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "task_key")
    private String taskKey;

    private String decision;

    private String comment;

    private String actor;

    @Column(name = "actor_group")
    private String actorGroup;

    @Column(name = "decided_at")
    private LocalDateTime decidedAt;

    protected WhistleDecision() {
    }

    WhistleDecision(Long caseId, String taskKey, String decision, String comment, String actor, String actorGroup,
            LocalDateTime decidedAt) {
        this.caseId = caseId;
        this.taskKey = taskKey;
        this.decision = decision;
        this.comment = comment;
        this.actor = actor;
        this.actorGroup = actorGroup;
        this.decidedAt = decidedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getTaskKey() {
        return taskKey;
    }

    public String getDecision() {
        return decision;
    }

    public String getComment() {
        return comment;
    }

    public String getActor() {
        return actor;
    }

    public String getActorGroup() {
        return actorGroup;
    }

    public LocalDateTime getDecidedAt() {
        return decidedAt;
    }
}
