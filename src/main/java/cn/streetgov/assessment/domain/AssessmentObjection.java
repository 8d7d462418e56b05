package cn.streetgov.assessment.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** An objection (异议) raised by the agency during publicity, and the re-review or arbitration of it. */
@Entity
@Table(name = "assessment_objection")
public class AssessmentObjection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long caseId;

    private int roundNo;

    private String reason;

    private String raisedBy;

    private LocalDateTime raisedAt;

    private String decision;

    private BigDecimal decidedScore;

    private String decidedGrade;

    private String decidedBy;

    private String decidedGroup;

    private LocalDateTime decidedAt;

    protected AssessmentObjection() {
    }

    AssessmentObjection(Long caseId, int roundNo, String reason, String raisedBy, LocalDateTime raisedAt) {
        this.caseId = caseId;
        this.roundNo = roundNo;
        this.reason = reason;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
    }

    void decide(String decision, BigDecimal score, String grade, String by, String group, LocalDateTime at) {
        this.decision = decision;
        this.decidedScore = score;
        this.decidedGrade = grade;
        this.decidedBy = by;
        this.decidedGroup = group;
        this.decidedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public int getRoundNo() {
        return roundNo;
    }

    public String getReason() {
        return reason;
    }

    public String getRaisedBy() {
        return raisedBy;
    }

    public LocalDateTime getRaisedAt() {
        return raisedAt;
    }

    public String getDecision() {
        return decision;
    }

    public BigDecimal getDecidedScore() {
        return decidedScore;
    }

    public String getDecidedGrade() {
        return decidedGrade;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getDecidedGroup() {
        return decidedGroup;
    }

    public LocalDateTime getDecidedAt() {
        return decidedAt;
    }
}
