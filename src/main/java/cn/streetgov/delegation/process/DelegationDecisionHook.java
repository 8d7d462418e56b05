package cn.streetgov.delegation.process;

import static cn.streetgov.delegation.process.PowerDelegationProcess.CONFIRM_STAFFING;
import static cn.streetgov.delegation.process.PowerDelegationProcess.DECIDE_DELEGATION;
import static cn.streetgov.delegation.process.PowerDelegationProcess.REVIEW_CAPACITY;
import static cn.streetgov.delegation.process.PowerDelegationProcess.REVIEW_LEGALITY;
import static cn.streetgov.delegation.process.PowerDelegationProcess.REVISE_PROPOSAL;
import static cn.streetgov.delegation.process.PowerDelegationProcess.REVISE_STAFFING;

import cn.streetgov.casework.DecisionHook;
import cn.streetgov.casework.RecordedDecision;
import cn.streetgov.delegation.domain.CaseStatus;
import cn.streetgov.delegation.domain.DelegationCases;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What is specific to {@code power-delegation} once the kernel has checked and recorded a decision
 * (the allowed values and reasons are declared in {@link PowerDelegationProcess#byTask()}): a
 * street's capacity decision applies to its eligible pairs, a resubmission revises the case text
 * (checked here: refused with the Chinese reasons, nothing written), the case's status follows the
 * decision, and the case text of the next forms ({@code caseSummary}) is rendered — once per
 * completion.
 */
@Component
class DelegationDecisionHook implements DecisionHook {

    private final DelegationCases cases;

    DelegationDecisionHook(DelegationCases cases) {
        this.cases = cases;
    }

    @Override
    public String processKey() {
        return PowerDelegationProcess.KEY;
    }

    @Override
    public void onDecision(DelegateTask task, RecordedDecision recorded) {
        Long caseId = ProcessVariables.caseId(task, Vars.CASE_ID);
        String decision = recorded.decision();
        switch (task.getTaskDefinitionKey()) {
            case REVIEW_CAPACITY -> cases.recordCapacity(caseId, ProcessVariables.string(task, Vars.ORG_CODE), decision);
            case REVIEW_LEGALITY -> {
                if (PowerDelegationProcess.LEGAL_REVISE.equals(decision)) {
                    cases.setStatus(caseId, CaseStatus.REVISING);
                }
            }
            case REVISE_PROPOSAL, REVISE_STAFFING -> {
                if (PowerDelegationProcess.REVISION_RESUBMIT.equals(decision)) {
                    cases.revise(caseId, ProcessVariables.string(task, Vars.LEGAL_BASIS),
                            ProcessVariables.string(task, Vars.REASON), task.getVariable(Vars.STAFFING_TRANSFER),
                            task.getVariable(Vars.EFFECTIVE_DATE));
                    cases.setStatus(caseId, REVISE_PROPOSAL.equals(task.getTaskDefinitionKey())
                            ? CaseStatus.IN_REVIEW : CaseStatus.STAFFING);
                }
            }
            case CONFIRM_STAFFING -> cases.setStatus(caseId, PowerDelegationProcess.STAFFING_APPROVE.equals(decision)
                    ? CaseStatus.DECIDING : CaseStatus.REVISING);
            default -> {
                // the final decision and the report change nothing but the record and the case text
            }
        }
        if (!publicationFollows(task.getTaskDefinitionKey(), decision)) {
            task.getExecution().getProcessInstance().setVariable(Vars.CASE_SUMMARY, cases.summary(caseId));
        }
    }

    /**
     * The government's approval is followed, in the same step, by the publication, which renders the
     * case text as published: rendering it here too would write it twice.
     */
    private static boolean publicationFollows(String taskKey, String decision) {
        return DECIDE_DELEGATION.equals(taskKey) && PowerDelegationProcess.FINAL_APPROVE.equals(decision);
    }
}
