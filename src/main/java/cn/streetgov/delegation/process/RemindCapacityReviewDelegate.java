package cn.streetgov.delegation.process;

import cn.streetgov.delegation.domain.DelegationCases;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import cn.streetgov.org.domain.PostRole;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds a street/town office that its capacity review is about to fall due. */
@Component("remindCapacityReviewDelegate")
class RemindCapacityReviewDelegate implements JavaDelegate {

    private final DelegationCases cases;

    RemindCapacityReviewDelegate(DelegationCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = ProcessVariables.caseId(execution, Vars.CASE_ID);
        String orgCode = ProcessVariables.string(execution, Vars.ORG_CODE);
        cases.remind(caseId, PostRole.STREET_OFFICE.groupId(orgCode),
                "赋权申请 " + execution.getVariable(Vars.CASE_NO) + " 的承接能力评估即将到期，请尽快办理");
    }
}
