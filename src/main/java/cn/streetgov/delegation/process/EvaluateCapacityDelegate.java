package cn.streetgov.delegation.process;

import cn.streetgov.delegation.domain.CaseStatus;
import cn.streetgov.delegation.domain.DelegationCases;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After the reviews: how many streets/towns accepted (none → the case is rejected). */
@Component("evaluateCapacityDelegate")
class EvaluateCapacityDelegate implements JavaDelegate {

    private final DelegationCases cases;

    EvaluateCapacityDelegate(DelegationCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = ProcessVariables.caseId(execution, Vars.CASE_ID);
        int accepted = cases.acceptedTargets(caseId).size();
        execution.setVariable(Vars.ACCEPTED_TARGET_COUNT, accepted);
        if (accepted > 0) {
            cases.setStatus(caseId, CaseStatus.STAFFING);
        }
    }
}
