package cn.streetgov.admission.process;

import cn.streetgov.admission.domain.DutyExits;
import cn.streetgov.admission.process.DutyExitProcess.Elements;
import cn.streetgov.admission.process.DutyExitProcess.Vars;
import cn.streetgov.casework.DecisionHook;
import cn.streetgov.casework.RecordedDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The department's opinion and 编办's decision on a hand-back, on the case record; a rejection ends it. */
@Component
class DutyExitDecisionHook implements DecisionHook {

    private final DutyExits exits;

    DutyExitDecisionHook(DutyExits exits) {
        this.exits = exits;
    }

    @Override
    public String processKey() {
        return DutyExitProcess.KEY;
    }

    @Override
    public void onDecision(DelegateTask task, RecordedDecision decision) {
        Long caseId = Variables.caseId(task, Vars.CASE_ID);
        switch (task.getTaskDefinitionKey()) {
            case Elements.DEPT_OPINION -> exits.recordDeptOpinion(caseId, decision.decision(), decision.comment());
            case Elements.DECIDE -> {
                exits.decide(caseId, decision.decision(), decision.comment(), decision.actor().userId());
                if (DutyExits.REJECT.equals(decision.decision())) {
                    task.getExecution().getProcessInstance().setVariable(Vars.OUTCOME, DutyExitProcess.OUTCOME_REJECTED);
                }
            }
            default -> {
                // no other task
            }
        }
    }
}
