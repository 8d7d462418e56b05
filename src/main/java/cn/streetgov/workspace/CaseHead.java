package cn.streetgov.workspace;

import cn.streetgov.casework.IndexedCase;
import java.time.Instant;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * A case as a list row starts from: its entry in the kernel's index, or — for a case the index has not
 * met yet (begun before it existed, not yet added) — the engine's history, without a subject.
 */
record CaseHead(String processInstanceId, String parentInstanceId, String caseNo, String processKey,
        String processDefinitionId, String processName, String subject, String starterUser, Instant startedAt,
        Instant endedAt, String outcome, java.util.Set<String> orgCodes) {

    static CaseHead of(IndexedCase c) {
        return new CaseHead(c.getProcessInstanceId(), c.getParentInstanceId(),
                c.getCaseNo() == null ? c.getProcessInstanceId() : c.getCaseNo(), c.getProcessKey(),
                c.getProcessDefinitionId(), c.getProcessName(), c.getSubject(), c.getStarterUser(), c.getStartedAt(),
                c.getEndedAt(), c.getOutcome(), c.orgCodes());
    }

    static CaseHead of(HistoricProcessInstance p) {
        return new CaseHead(p.getId(), p.getSuperProcessInstanceId(),
                p.getBusinessKey() == null ? p.getId() : p.getBusinessKey(), p.getProcessDefinitionKey(),
                p.getProcessDefinitionId(), p.getProcessDefinitionName(), null, p.getStartUserId(),
                p.getStartTime() == null ? null : p.getStartTime().toInstant(),
                p.getEndTime() == null ? null : p.getEndTime().toInstant(), null, java.util.Set.of());
    }

    boolean running() {
        return endedAt == null;
    }
}
