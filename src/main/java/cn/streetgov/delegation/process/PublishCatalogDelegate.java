package cn.streetgov.delegation.process;

import cn.streetgov.casework.ModellingDelegate;
import cn.streetgov.delegation.domain.DelegationCases;
import cn.streetgov.delegation.domain.DelegationCases.Publication;
import cn.streetgov.delegation.domain.Outcome;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The government approved: the accepted item x target pairs enter the public catalog. When one of
 * them is in force already (another case published it meanwhile), nothing is published and the
 * case leaves by the error {@code Error_AlreadyInForce}, outcome REJECTED with the reason.
 */
@Component("publishCatalogDelegate")
@ModellingDelegate(name = "公布权力清单",
        description = "把本案批准的下放事项写入公开的权力清单（/api/catalog）；已在清单中生效的事项使本案不予公布，并抛出错误 ALREADY_IN_FORCE。读取案件变量 caseId")
class PublishCatalogDelegate implements JavaDelegate {

    private final DelegationCases cases;

    PublishCatalogDelegate(DelegationCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = ProcessVariables.caseId(execution, Vars.CASE_ID);
        Publication publication = cases.publish(caseId);
        execution.setVariable(Vars.CASE_SUMMARY, cases.summary(caseId));
        if (publication.refused()) {
            execution.setVariable(Vars.OUTCOME, Outcome.REJECTED.name());
            execution.setVariable(Vars.OUTCOME_REASON, publication.refusal());
            throw new BpmnError(PowerDelegationProcess.ERROR_CODE_ALREADY_IN_FORCE, publication.refusal());
        }
        execution.setVariable(Vars.OUTCOME, Outcome.PUBLISHED.name());
    }
}
