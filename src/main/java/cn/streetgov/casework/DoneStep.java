package cn.streetgov.casework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The last task an official completed on a case ({@code case_index_done}, one row per case and
 * official): what puts the case into their 已办 list, and the step they would withdraw.
 */
@Entity
@Table(name = "case_index_done")
public class DoneStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "task_id")
    private String taskId;

    @Column(name = "step_name")
    private String stepName;

    @JdbcTypeCode(SqlTypes.TIMESTAMP_UTC)
    @Column(name = "done_at")
    private Instant doneAt;

    protected DoneStep() {
    }

    DoneStep(String processInstanceId, String userId) {
        this.processInstanceId = processInstanceId;
        this.userId = userId;
    }

    void done(String taskId, String stepName, Instant at) {
        this.taskId = taskId;
        this.stepName = stepName;
        this.doneAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getUserId() {
        return userId;
    }

    /** The (historic) task completed last. */
    public String getTaskId() {
        return taskId;
    }

    /** Its step, as the model names it (without the case number a task's name may carry). */
    public String getStepName() {
        return stepName;
    }

    public Instant getDoneAt() {
        return doneAt;
    }
}
