package cn.streetgov.delegation.process;

import cn.streetgov.casework.DecisionHook;
import cn.streetgov.casework.RecordedDecision;
import cn.streetgov.delegation.domain.PowerRevocations;
import cn.streetgov.delegation.process.PowerRevocationProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The government's decision on a revocation, once the kernel has checked and recorded it
 * ({@link PowerRevocationProcess#byTask()}): the request carries the decision, who took it and for
 * which body; a refusal ends the case with outcome REJECTED.
 */
@Component
class RevocationDecisionHook implements DecisionHook {

    private final PowerRevocations revocations;

    RevocationDecisionHook(PowerRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public String processKey() {
        return PowerRevocationProcess.KEY;
    }

    @Override
    public void onDecision(DelegateTask task, RecordedDecision recorded) {
        revocations.decide(ProcessVariables.caseId(task, Vars.REVOCATION_ID), recorded.decision(), recorded.comment(),
                recorded.actor().userId(), recorded.actor().actedFor());
        if (PowerRevocationProcess.DECISION_REJECT.equals(recorded.decision())) {
            task.getExecution().getProcessInstance().setVariable(Vars.OUTCOME, PowerRevocationProcess.OUTCOME_REJECTED);
        }
    }
}
