package cn.streetgov.admission.process;

import cn.streetgov.admission.domain.DutyAdmissions;
import cn.streetgov.admission.process.DutyAdmissionProcess.Elements;
import cn.streetgov.admission.process.DutyAdmissionProcess.Vars;
import cn.streetgov.casework.ApprovalPolicy;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The approval operations of {@code duty-admission}: a duty put on the streets' lists (or refused)
 * cannot be undone by a return; a street's opinion that is returned is asked again (its target row
 * back to pending), a returned decision waits for 编办 again.
 */
@Component
class DutyAdmissionApprovalPolicy implements ApprovalPolicy {

    private final DutyAdmissions admissions;

    DutyAdmissionApprovalPolicy(DutyAdmissions admissions) {
        this.admissions = admissions;
    }

    @Override
    public String processKey() {
        return DutyAdmissionProcess.KEY;
    }

    @Override
    public Set<String> pointsOfNoReturn() {
        return Set.of(Elements.ADMIT, Elements.REFUSE);
    }

    @Override
    public void reopened(String reopenedTaskKey, Object element, Map<String, Object> variables) {
        if (!(variables.get(Vars.CASE_ID) instanceof Number caseId)) {
            return;
        }
        if (Elements.STREET_OPINION.equals(reopenedTaskKey) && element != null) {
            admissions.reopenOpinion(caseId.longValue(), element.toString());
        } else if (Elements.DECIDE.equals(reopenedTaskKey)) {
            admissions.reopenDecision(caseId.longValue());
        }
    }
}
