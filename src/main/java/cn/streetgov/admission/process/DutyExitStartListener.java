package cn.streetgov.admission.process;

import static cn.streetgov.admission.process.Variables.string;

import cn.streetgov.admission.domain.DutyExitCase;
import cn.streetgov.admission.domain.DutyExits;
import cn.streetgov.admission.process.DutyExitProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of duty-exit: checks the request (the duty is on the street's current list and has a
 * guiding department; Chinese reasons, nothing written when refused), opens the case and makes the
 * case number the business key; the department that guides the duty is asked next.
 */
@Component("dutyExitStartListener")
class DutyExitStartListener implements ExecutionListener {

    private final DutyExits exits;

    DutyExitStartListener(DutyExits exits) {
        this.exits = exits;
    }

    @Override
    public void notify(DelegateExecution execution) {
        DutyExitCase exit = exits.open(string(execution, Vars.ORG_CODE), string(execution, Vars.DUTY_CODE),
                string(execution, Vars.EXIT_REASON), Variables.starter(execution), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(exit.getCaseNo());
        execution.setVariable(Vars.CASE_ID, exit.getId());
        execution.setVariable(Vars.CASE_NO, exit.getCaseNo());
        execution.setVariable(Vars.DEPT_CODE, exit.getDeptCode());
        execution.setVariable(Vars.DUTY_NAME, exit.getDutyName());
    }
}
