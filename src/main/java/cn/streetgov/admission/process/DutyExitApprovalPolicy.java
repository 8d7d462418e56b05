package cn.streetgov.admission.process;

import cn.streetgov.admission.domain.DutyExits;
import cn.streetgov.admission.domain.ExitStatus;
import cn.streetgov.admission.process.DutyExitProcess.Elements;
import cn.streetgov.admission.process.DutyExitProcess.Vars;
import cn.streetgov.casework.ApprovalPolicy;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The approval operations of {@code duty-exit}: a duty taken off the list stays off; a reopened step stands again. */
@Component
class DutyExitApprovalPolicy implements ApprovalPolicy {

    private final DutyExits exits;

    DutyExitApprovalPolicy(DutyExits exits) {
        this.exits = exits;
    }

    @Override
    public String processKey() {
        return DutyExitProcess.KEY;
    }

    @Override
    public Set<String> pointsOfNoReturn() {
        return Set.of(Elements.REMOVE);
    }

    @Override
    public void reopened(String reopenedTaskKey, Object element, Map<String, Object> variables) {
        if (!(variables.get(Vars.CASE_ID) instanceof Number caseId)) {
            return;
        }
        switch (reopenedTaskKey) {
            case Elements.DEPT_OPINION -> exits.reopened(caseId.longValue(), ExitStatus.DEPT_OPINION);
            case Elements.DECIDE -> exits.reopened(caseId.longValue(), ExitStatus.DECISION);
            default -> {
                // no other task
            }
        }
    }
}
