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
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A plan, major project or major decision on which the affected streets/towns are consulted
 * (规划参与权、重大事项建议权): the business record of one {@code major-matter-consultation} case.
 */
@Entity
@Table(name = "major_matter")
public class MajorMatter {

    /** What is sent to the streets. */
    public enum MatterType {
        PLAN("规划"), MAJOR_PROJECT("重大项目"), MAJOR_DECISION("重大决策");

        private final String label;

        MatterType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        /** the streets give their opinions */
        CONSULTING,
        /** the sender answers the opinions */
        ANSWERING,
        /** the sender decides */
        DECIDING,
        CLOSED
    }

    /** The sender's decision after the consultation, also the case's {@code outcome}. */
    public enum Decision {
        PROCEED("按原方案实施"), REVISE("修改方案"), WITHDRAW("撤回");

        private final String label;

        Decision(String label) {
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

    @Column(name = "case_no")
    private String caseNo;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    /** A department code, or {@link MajorMatterService#GOVERNMENT} for the district government. */
    @Column(name = "sender_code")
    private String senderCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "matter_type")
    private MatterType matterType;

    private String title;

    private String summary;

    @Column(name = "document_ref")
    private String documentRef;

    @Column(name = "opinion_deadline")
    private LocalDateTime opinionDeadline;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Enumerated(EnumType.STRING)
    private Decision decision;

    @Column(name = "decision_note")
    private String decisionNote;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private LocalDateTime decidedAt;

    @Column(name = "started_by")
    private String startedBy;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected MajorMatter() {
    }

    MajorMatter(String caseNo, String processInstanceId, String senderCode, MatterType matterType, String title,
            String summary, String documentRef, LocalDateTime opinionDeadline, String startedBy, LocalDateTime now) {
        this.caseNo = caseNo;
        this.processInstanceId = processInstanceId;
        this.senderCode = senderCode;
        this.matterType = matterType;
        this.title = title;
        this.summary = summary;
        this.documentRef = documentRef;
        this.opinionDeadline = opinionDeadline.truncatedTo(ChronoUnit.SECONDS);
        this.startedBy = startedBy;
        this.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        this.status = Status.CONSULTING;
    }

    void moveTo(Status status) {
        this.status = status;
    }

    void decide(Decision decision, String note, String by, LocalDateTime at) {
        this.decision = decision;
        this.decisionNote = note;
        this.decidedBy = by;
        this.decidedAt = at.truncatedTo(ChronoUnit.MILLIS);
        this.status = Status.CLOSED;
    }

    public Long getId() {
        return id;
    }

    public String getCaseNo() {
        return caseNo;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getSenderCode() {
        return senderCode;
    }

    public MatterType getMatterType() {
        return matterType;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public String getDocumentRef() {
        return documentRef;
    }

    public LocalDateTime getOpinionDeadline() {
        return opinionDeadline;
    }

    public Status getStatus() {
        return status;
    }

    public Decision getDecision() {
        return decision;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public LocalDateTime getDecidedAt() {
        return decidedAt;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }
}
