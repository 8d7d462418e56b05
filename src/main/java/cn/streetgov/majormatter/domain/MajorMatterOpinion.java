package cn.streetgov.majormatter.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * One affected street's part of a consultation: its committee's opinion (or that the deadline passed
 * without one: 逾期未反馈) and the sender's answer to it.
 */
@Entity
@Table(name = "major_matter_opinion")
public class MajorMatterOpinion {

    public enum Opinion {
        SUPPORT("赞成"), SUPPORT_WITH_SUGGESTIONS("赞成，并提出修改建议"), OBJECT("反对");

        private final String label;

        Opinion(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Answer {
        ADOPTED("采纳"), PARTLY_ADOPTED("部分采纳"), NOT_ADOPTED("不采纳");

        private final String label;

        Answer(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private Long version;

    @Column(name = "matter_id")
    private Long matterId;

    @Column(name = "org_code")
    private String orgCode;

    @Enumerated(EnumType.STRING)
    private Opinion opinion;

    @Column(name = "opinion_text")
    private String opinionText;

    @Column(name = "meeting_date")
    private LocalDate meetingDate;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "submitted_at")
    private LocalDateTime submittedAt;

    private boolean overdue;

    @Enumerated(EnumType.STRING)
    private Answer answer;

    @Column(name = "answer_reason")
    private String answerReason;

    @Column(name = "answered_by")
    private String answeredBy;

    @Column(name = "answered_at")
    private LocalDateTime answeredAt;

    protected MajorMatterOpinion() {
    }

    MajorMatterOpinion(Long matterId, String orgCode) {
        this.matterId = matterId;
        this.orgCode = orgCode;
    }

    void submit(Opinion opinion, String text, LocalDate meetingDate, String by, LocalDateTime at) {
        this.opinion = opinion;
        this.opinionText = text;
        this.meetingDate = meetingDate;
        this.submittedBy = by;
        this.submittedAt = at.truncatedTo(ChronoUnit.MILLIS);
        this.overdue = false;
    }

    /** A return or withdrawal reopened the street's opinion: it is due again. */
    void reopen() {
        this.opinion = null;
        this.opinionText = null;
        this.meetingDate = null;
        this.submittedBy = null;
        this.submittedAt = null;
    }

    /** A return or withdrawal reopened the sender's answer: it is to be given again. */
    void reopenAnswer() {
        this.answer = null;
        this.answerReason = null;
        this.answeredBy = null;
        this.answeredAt = null;
    }

    void markOverdue() {
        this.overdue = true;
    }

    void answer(Answer answer, String reason, String by, LocalDateTime at) {
        this.answer = answer;
        this.answerReason = reason;
        this.answeredBy = by;
        this.answeredAt = at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** An opinion was given (not overdue) and waits for the sender's answer or has it. */
    public boolean isReceived() {
        return opinion != null;
    }

    public Long getId() {
        return id;
    }

    public Long getMatterId() {
        return matterId;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public Opinion getOpinion() {
        return opinion;
    }

    public String getOpinionText() {
        return opinionText;
    }

    public LocalDate getMeetingDate() {
        return meetingDate;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public LocalDateTime getSubmittedAt() {
        return submittedAt;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public Answer getAnswer() {
        return answer;
    }

    public String getAnswerReason() {
        return answerReason;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public LocalDateTime getAnsweredAt() {
        return answeredAt;
    }
}
