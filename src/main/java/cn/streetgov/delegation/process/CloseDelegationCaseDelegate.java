package cn.streetgov.delegation.process;

import cn.streetgov.delegation.domain.DelegationCases;
import cn.streetgov.delegation.domain.Outcome;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes the case without publication; the outcome comes from the task's input {@code closingOutcome}.
 * The case text is not rendered again: it shows no outcome, and the step that led here (a decision,
 * or the eligibility check) has just rendered it.
 */
@Component("closeDelegationCaseDelegate")
class CloseDelegationCaseDelegate implements JavaDelegate {

    private final DelegationCases cases;

    CloseDelegationCaseDelegate(DelegationCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = ProcessVariables.caseId(execution, Vars.CASE_ID);
        Outcome outcome = Outcome.valueOf(ProcessVariables.string(execution, Vars.CLOSING_OUTCOME));
        cases.close(caseId, outcome);
        execution.getProcessInstance().setVariable(Vars.OUTCOME, outcome.name());
    }
}
