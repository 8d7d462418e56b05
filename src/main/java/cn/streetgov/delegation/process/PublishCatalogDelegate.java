package cn.streetgov.delegation.process;

import cn.streetgov.delegation.domain.DelegationCases;
import cn.streetgov.delegation.domain.Outcome;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The government approved: the accepted item x target pairs enter the public catalog. */
@Component("publishCatalogDelegate")
class PublishCatalogDelegate implements JavaDelegate {

    private final DelegationCases cases;

    PublishCatalogDelegate(DelegationCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = ProcessVariables.caseId(execution, Vars.CASE_ID);
        cases.publish(caseId);
        execution.setVariable(Vars.OUTCOME, Outcome.PUBLISHED.name());
        execution.setVariable(Vars.CASE_SUMMARY, cases.summary(caseId));
    }
}
