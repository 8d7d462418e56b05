package cn.streetgov.delegation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A decision taken on a case: who, for which organisation, when, what, and why. */
@Entity
@Table(name = "dlg_decision")
public class DelegationDecision {

    /** The steps of a case where someone decides. */
    public enum Step {
        CAPACITY("承接能力评估"),
        LEGAL("合法性审查"),
        REVISION("部门修改"),
        STAFFING("编办确认编随事转"),
        FINAL("区政府常务会议决定"),
        REPORT("运行情况报告");

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

    @Enumerated(EnumType.STRING)
    private Step step;

    @Column(name = "task_key")
    private String taskKey;

    @Column(name = "org_code")
    private String orgCode;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private LocalDateTime decidedAt;

    private String decision;

    @Column(name = "comment_text")
    private String comment;

    protected DelegationDecision() {
    }

    public DelegationDecision(Long caseId, Step step, String taskKey, String orgCode, String decidedBy,
            LocalDateTime decidedAt, String decision, String comment) {
        this.caseId = caseId;
        this.step = step;
        this.taskKey = taskKey;
        this.orgCode = orgCode;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.decision = decision;
        this.comment = comment;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public Step getStep() {
        return step;
    }

    public String getTaskKey() {
        return taskKey;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public LocalDateTime getDecidedAt() {
        return decidedAt;
    }

    public String getDecision() {
        return decision;
    }

    public String getComment() {
        return comment;
    }
}
