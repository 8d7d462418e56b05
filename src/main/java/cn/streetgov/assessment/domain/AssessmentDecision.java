package cn.streetgov.assessment.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A decision taken on an assessment: who, acting for which group, when, what, which score, why. */
@Entity
@Table(name = "assessment_decision")
public class AssessmentDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long caseId;

    private String taskKey;

    private String decision;

    private BigDecimal score;

    private String comment;

    private String actor;

    private String actorGroup;

    private LocalDateTime decidedAt;

    protected AssessmentDecision() {
    }

    AssessmentDecision(Long caseId, String taskKey, String decision, BigDecimal score, String comment, String actor,
            String actorGroup, LocalDateTime decidedAt) {
        this.caseId = caseId;
        this.taskKey = taskKey;
        this.decision = decision;
        this.score = score;
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

    public BigDecimal getScore() {
        return score;
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
