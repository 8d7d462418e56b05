package cn.streetgov.delegation.process;

import static cn.streetgov.delegation.process.ProcessVariables.string;

import cn.streetgov.delegation.domain.PowerRevocation;
import cn.streetgov.delegation.domain.PowerRevocations;
import cn.streetgov.delegation.process.PowerRevocationProcess.Vars;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Start of a revocation: validates (nothing left behind on bad input) and records the request. */
@Component("validateRevocationListener")
class ValidateRevocationListener implements ExecutionListener {

    private final PowerRevocations revocations;

    ValidateRevocationListener(PowerRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        Set<String> groups = auth == null || auth.getUserId() == null ? null
                : new HashSet<>(auth.getGroupIds() == null ? Set.of() : auth.getGroupIds());
        PowerRevocation revocation = revocations.open(string(execution, Vars.DEPT_CODE), string(execution, Vars.ITEM_CODE),
                string(execution, Vars.ORG_CODE), string(execution, Vars.REVOCATION_REASON), groups,
                auth == null ? null : auth.getUserId());
        revocations.attachProcess(revocation.getId(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(revocation.getRevocationNo());
        execution.setVariable(Vars.REVOCATION_ID, revocation.getId());
        execution.setVariable(Vars.REVOCATION_NO, revocation.getRevocationNo());
        execution.setVariable(Vars.CASE_SUMMARY, revocations.summary(revocation.getId()));
    }
}
