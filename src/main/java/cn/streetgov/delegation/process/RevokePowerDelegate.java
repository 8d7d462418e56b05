package cn.streetgov.delegation.process;

import cn.streetgov.delegation.domain.PowerRevocations;
import cn.streetgov.delegation.process.PowerRevocationProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Takes the delegated power out of the public catalog. */
@Component("revokePowerDelegate")
class RevokePowerDelegate implements JavaDelegate {

    private final PowerRevocations revocations;

    RevokePowerDelegate(PowerRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        revocations.revoke(ProcessVariables.caseId(execution, Vars.REVOCATION_ID));
        execution.setVariable(Vars.OUTCOME, PowerRevocationProcess.OUTCOME_REVOKED);
    }
}
