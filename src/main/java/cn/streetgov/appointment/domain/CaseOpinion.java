package cn.streetgov.appointment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One opinion or decision on a case: who, for which organisation, at which meeting, when, what. */
@Entity
@Table(name = "appt_opinion")
public class CaseOpinion {

    /** The step of the workflow the opinion was given in. */
    public enum Step {
        STREET_OPINION("街道党(工)委意见"),
        NO_REPLY("逾期未复处理"),
        COORDINATION("组织部协调"),
        DEPT_RESPONSE("部门书面回复"),
        DEPT_DECISION("部门决定"),
        ORG_DEPT_APPROVAL("组织部审批"),
        COMMITTEE_DECISION("区委常委会决定");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Step step;

    @Column(name = "actor_user")
    private String actorUser;

    @Column(name = "actor_org")
    private String actorOrg;

    @Column(name = "meeting_date")
    private LocalDate meetingDate;

    @Column(name = "decided_at")
    private LocalDateTime decidedAt;

    private String decision;

    @Column(name = "comment_text")
    private String comment;

    protected CaseOpinion() {
    }

    CaseOpinion(Long caseId, Step step, String actorUser, String actorOrg, LocalDate meetingDate,
            LocalDateTime decidedAt, String decision, String comment) {
        this.caseId = caseId;
        this.step = step;
        this.actorUser = actorUser;
        this.actorOrg = actorOrg;
        this.meetingDate = meetingDate;
        this.decidedAt = decidedAt;
        this.decision = decision;
        this.comment = comment;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Step getStep() { return step; }
    public String getActorUser() { return actorUser; }
    public String getActorOrg() { return actorOrg; }
    public LocalDate getMeetingDate() { return meetingDate; }
    public LocalDateTime getDecidedAt() { return decidedAt; }
    public String getDecision() { return decision; }
    public String getComment() { return comment; }
}
