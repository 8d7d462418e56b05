package cn.streetgov.casework;

import cn.streetgov.org.OrgDirectory;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores decisions in {@code case_decision}, in the caller's transaction. */
@Service
class CaseDecisions implements DecisionRecord {

    private static final Logger log = LoggerFactory.getLogger(CaseDecisions.class);

    private final CaseDecisionRepository decisions;
    private final OrgDirectory orgs;

    CaseDecisions(CaseDecisionRepository decisions, OrgDirectory orgs) {
        this.decisions = decisions;
        this.orgs = orgs;
    }

    @Override
    @Transactional
    public CaseDecision record(CaseDecision.Entry entry) {
        CaseDecision row = new CaseDecision(entry, CaseClock.instant());
        if (entry.actorUser() != null) {
            row.setActorPost(orgs.postTitle(entry.actorUser(), entry.actorGroup()).orElse(null));
        }
        CaseDecision saved = decisions.save(row);
        log.info("案件 {}: {} {} 由 {}（{}）作出", entry.caseNo(), entry.stepName(),
                entry.decisionLabel() == null ? entry.decision() : entry.decisionLabel(),
                entry.actorUser() == null ? "系统" : entry.actorUser(), entry.actorGroup());
        return saved;
    }

    @Override
    @Transactional
    public CaseDecision recordSystem(DelegateExecution execution, String decision, String comment) {
        return recordStep(execution, decision, comment, null, null);
    }

    @Override
    @Transactional
    public CaseDecision recordStep(DelegateExecution execution, String decision, String comment, String actorUser,
            String actorGroup) {
        return record(new CaseDecision.Entry(CaseRefs.caseNo(execution), execution.getProcessInstanceId(),
                CaseRefs.processKey(execution), null, execution.getCurrentActivityId(),
                execution.getCurrentActivityName(),
                actorUser == null ? CaseDecision.Type.SYSTEM : CaseDecision.Type.DECISION, decision, null, comment,
                null, actorUser, actorGroup));
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseDecision> ofCase(String caseNo) {
        return decisions.findByCaseNoOrderByIdAsc(caseNo);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseDecision> ofProcessInstance(String processInstanceId) {
        return decisions.findByProcessInstanceIdOrderByIdAsc(processInstanceId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CaseDecision> latest(String taskId, CaseDecision.Type type) {
        return decisions.findFirstByTaskIdAndTypeOrderByIdDesc(taskId, type);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean tookPart(String processInstanceId, String userId, Collection<String> groupIds) {
        return decisions.existsByProcessInstanceIdAndActorUser(processInstanceId, userId)
                || !groupIds.isEmpty() && decisions.existsByProcessInstanceIdAndActorGroupIn(processInstanceId, groupIds);
    }
}
