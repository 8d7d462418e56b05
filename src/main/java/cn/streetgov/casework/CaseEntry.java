package cn.streetgov.casework;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** What every row the kernel keeps about a case has: its id, the case number and the engine's case. */
@MappedSuperclass
public abstract class CaseEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_no")
    private String caseNo;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected CaseEntry() {
    }

    protected CaseEntry(String caseNo, String processInstanceId) {
        this.caseNo = caseNo;
        this.processInstanceId = processInstanceId;
    }

    public Long getId() {
        return id;
    }

    /** The case number officials know the case by (e.g. {@code FQ-2026-0001}). */
    public String getCaseNo() {
        return caseNo;
    }

    /** The engine's case, or null where none exists. */
    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
