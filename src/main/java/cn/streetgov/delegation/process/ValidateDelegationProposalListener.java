package cn.streetgov.delegation.process;

import static cn.streetgov.delegation.process.ProcessVariables.string;

import cn.streetgov.delegation.domain.DelegationCase;
import cn.streetgov.delegation.domain.DelegationCases;
import cn.streetgov.delegation.domain.ProposalValidator.RawProposal;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Start of a delegation case: validates the submitted proposal (InvalidInputException with Chinese
 * reasons; the whole start is rolled back, nothing is left behind), persists the case and makes its
 * number the business key. The case text ({@code caseSummary}) is rendered by the eligibility check
 * that follows, with the rule's answers.
 */
@Component("validateDelegationProposalListener")
class ValidateDelegationProposalListener implements ExecutionListener {

    private final DelegationCases cases;

    ValidateDelegationProposalListener(DelegationCases cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
        RawProposal raw = new RawProposal(string(execution, Vars.DEPT_CODE),
                ProcessVariables.stringList(execution.getVariable(Vars.POWER_ITEM_CODES)),
                ProcessVariables.stringList(execution.getVariable(Vars.TARGET_ORG_CODES)),
                string(execution, Vars.DELEGATION_METHOD), string(execution, Vars.LEGAL_BASIS),
                string(execution, Vars.REASON), execution.getVariable(Vars.STAFFING_TRANSFER),
                execution.getVariable(Vars.EFFECTIVE_DATE));
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        Set<String> groups = auth == null || auth.getUserId() == null ? null
                : new HashSet<>(auth.getGroupIds() == null ? Set.of() : auth.getGroupIds());
        DelegationCase opened = cases.open(raw, groups, auth == null ? null : auth.getUserId());
        cases.attachProcess(opened.getId(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(opened.getCaseNo());
        execution.setVariable(Vars.CASE_ID, opened.getId());
        execution.setVariable(Vars.CASE_NO, opened.getCaseNo());
    }
}
