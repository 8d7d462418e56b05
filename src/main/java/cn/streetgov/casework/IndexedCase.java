package cn.streetgov.casework;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One engine case as the officials' lists show and search it ({@code case_index}), kept by
 * {@link CaseIndex}: case number, subject, the organisations it belongs to, who started it, when it
 * started and ended, and its outcome.
 */
@Entity
@Table(name = "case_index")
public class IndexedCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "parent_instance_id")
    private String parentInstanceId;

    @Column(name = "case_no")
    private String caseNo;

    @Column(name = "process_key")
    private String processKey;

    @Column(name = "process_definition_id")
    private String processDefinitionId;

    @Column(name = "process_name")
    private String processName;

    private String subject;

    @Column(name = "org_codes")
    private String orgCodes;

    /** The same codes, one a row ({@code case_index_org}), all of them: what the search by organisation reads. */
    @ElementCollection
    @CollectionTable(name = "case_index_org", joinColumns = @JoinColumn(name = "case_index_id"))
    private Set<CaseOrg> orgs = new HashSet<>();

    @Column(name = "starter_user")
    private String starterUser;

    @JdbcTypeCode(SqlTypes.TIMESTAMP_UTC)
    @Column(name = "started_at")
    private Instant startedAt;

    @JdbcTypeCode(SqlTypes.TIMESTAMP_UTC)
    @Column(name = "ended_at")
    private Instant endedAt;

    private String outcome;

    protected IndexedCase() {
    }

    IndexedCase(String processInstanceId, String parentInstanceId, String processKey, String processDefinitionId,
            String processName, String starterUser, Instant startedAt) {
        this.processInstanceId = processInstanceId;
        this.parentInstanceId = parentInstanceId;
        this.processKey = processKey;
        this.processDefinitionId = processDefinitionId;
        this.processName = processName;
        this.starterUser = starterUser;
        this.startedAt = startedAt;
    }

    void describe(String caseNo, CaseDescriber.Description description) {
        if (caseNo != null) {
            this.caseNo = caseNo;
        }
        if (description != null) {
            if (description.subject() != null) {
                this.subject = description.subject();
            }
            if (!description.orgCodes().isEmpty()) {
                String codes = String.join(",", description.orgCodes());
                this.orgCodes = codes.length() > 1000 ? codes.substring(0, codes.lastIndexOf(',', 1000)) : codes;
                Set<CaseOrg> kept = new HashSet<>();
                description.orgCodes().stream().filter(code -> code != null && !code.isBlank() && code.length() <= 64)
                        .forEach(code -> kept.add(new CaseOrg(code, startedAt)));
                if (!orgs.equals(kept)) {
                    orgs.retainAll(kept);
                    orgs.addAll(kept);
                }
            }
        }
    }

    void end(Instant at, String outcome) {
        this.endedAt = at;
        this.outcome = outcome;
    }

    public Long getId() {
        return id;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    /** The case that started this one through a call activity, or null. */
    public String getParentInstanceId() {
        return parentInstanceId;
    }

    /** The case number (business key); null only for a case whose start never set one. */
    public String getCaseNo() {
        return caseNo;
    }

    public String getProcessKey() {
        return processKey;
    }

    public String getProcessDefinitionId() {
        return processDefinitionId;
    }

    public String getProcessName() {
        return processName;
    }

    /** What the case is about ({@link CaseDescriber}), else null. */
    public String getSubject() {
        return subject;
    }

    /** The codes of the organisations the case belongs to. */
    public Set<String> orgCodes() {
        if (orgCodes == null || orgCodes.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(orgCodes.split(",")));
    }

    /** Who started the case (the logged-in user at its start), null for a case the engine started. */
    public String getStarterUser() {
        return starterUser;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public boolean isRunning() {
        return endedAt == null;
    }

    /** The case's result code (its {@code outcome} variable, or what its describer says), else null. */
    public String getOutcome() {
        return outcome;
    }
}
