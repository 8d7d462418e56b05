package cn.streetgov.delegation.process;

import cn.streetgov.casework.ModellingDelegate;
import cn.streetgov.delegation.domain.PowerRevocations;
import cn.streetgov.delegation.process.PowerRevocationProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Takes the delegated power out of the public catalog. */
@Component("revokePowerDelegate")
@ModellingDelegate(name = "撤销已下放权力",
        description = "把本撤销案件所涉事项从公开的权力清单中撤下，outcome 设为 REVOKED。读取案件变量 revocationId（power-revocation 流程）")
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
