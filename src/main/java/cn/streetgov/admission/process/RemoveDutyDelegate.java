package cn.streetgov.admission.process;

import cn.streetgov.admission.domain.DutyExits;
import cn.streetgov.admission.process.DutyExitProcess.Vars;
import cn.streetgov.casework.ModellingDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Takes the handed-back duty off the street's list (a new list version) and tells the department. */
@Component("removeDutyDelegate")
@ModellingDelegate(name = "从履职清单中退出",
        description = "把获准退出的事项从街道/镇履职清单中移除（新的一版），通知主管部门，outcome 设为 EXITED。读取案件变量 caseId（duty-exit 流程）")
class RemoveDutyDelegate implements JavaDelegate {

    private final DutyExits exits;

    RemoveDutyDelegate(DutyExits exits) {
        this.exits = exits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        exits.exit(Variables.caseId(execution, Vars.CASE_ID));
        execution.setVariable(Vars.OUTCOME, DutyExitProcess.OUTCOME_EXITED);
    }
}
