package cn.streetgov.delegation.process;

import cn.streetgov.casework.ModellingDelegate;
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
@ModellingDelegate(name = "办结赋权案件",
        description = "按输入参数 closingOutcome（已公布、未通过、已撤回）办结赋权案件，并设置流程变量 outcome。读取案件变量 caseId")
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
