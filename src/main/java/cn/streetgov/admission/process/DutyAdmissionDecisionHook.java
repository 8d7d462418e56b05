package cn.streetgov.admission.process;

import cn.streetgov.admission.domain.DutyAdmissions;
import cn.streetgov.admission.process.DutyAdmissionProcess.Elements;
import cn.streetgov.admission.process.DutyAdmissionProcess.Vars;
import cn.streetgov.casework.DecisionHook;
import cn.streetgov.casework.RecordedDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What duty-admission does after the kernel has checked and recorded a decision: a street's opinion
 * goes on its target row; 编办's decision on the case (refused when it admits a duty no street
 * agreed to take on), with the organisation department told.
 */
@Component
class DutyAdmissionDecisionHook implements DecisionHook {

    private final DutyAdmissions admissions;

    DutyAdmissionDecisionHook(DutyAdmissions admissions) {
        this.admissions = admissions;
    }

    @Override
    public String processKey() {
        return DutyAdmissionProcess.KEY;
    }

    @Override
    public void onDecision(DelegateTask task, RecordedDecision decision) {
        Long caseId = Variables.caseId(task, Vars.CASE_ID);
        switch (task.getTaskDefinitionKey()) {
            case Elements.STREET_OPINION -> admissions.recordOpinion(caseId, Variables.string(task, Vars.ORG_CODE),
                    decision.decision(), decision.comment(), decision.actor().userId());
            case Elements.DECIDE -> admissions.decide(caseId, decision.decision(), decision.comment(),
                    decision.actor().userId());
            default -> {
                // no other task
            }
        }
    }
}
