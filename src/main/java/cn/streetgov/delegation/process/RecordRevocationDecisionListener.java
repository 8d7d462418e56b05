package cn.streetgov.delegation.process;

import cn.streetgov.casework.Actor;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.delegation.domain.PowerRevocations;
import cn.streetgov.delegation.process.PowerRevocationProcess.Vars;
import cn.streetgov.org.domain.PostRole;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The government's decision on a revocation: checked, stored with who/which body/when. */
@Component("recordRevocationDecisionListener")
class RecordRevocationDecisionListener implements TaskListener {

    private final PowerRevocations revocations;

    RecordRevocationDecisionListener(PowerRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = ProcessVariables.string(task, Vars.REVOCATION_DECISION);
        String comment = ProcessVariables.string(task, Vars.REVOCATION_COMMENT);
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            throw new InvalidInputException("请选择会议决定（APPROVE 同意收回 / REJECT 不同意收回）");
        }
        if ("REJECT".equals(decision) && comment == null) {
            throw new InvalidInputException("请填写不同意收回的理由");
        }
        String user = Actor.of(task).userId();
        revocations.decide(ProcessVariables.caseId(task, Vars.REVOCATION_ID), decision, comment, user,
                PostRole.DISTRICT_GOVERNMENT.groupId(null));
        if ("REJECT".equals(decision)) {
            task.getExecution().getProcessInstance().setVariable(Vars.OUTCOME, PowerRevocationProcess.OUTCOME_REJECTED);
        }
    }
}
