package cn.streetgov.delegation.process;

import cn.streetgov.casework.CaseRules;
import cn.streetgov.casework.ModellingDelegate;
import cn.streetgov.delegation.domain.DelegationCase;
import cn.streetgov.delegation.domain.DelegationCases;
import cn.streetgov.delegation.domain.DelegationCases.PairResult;
import cn.streetgov.delegation.domain.PowerCatalog;
import cn.streetgov.delegation.domain.PowerItem;
import cn.streetgov.delegation.process.PowerDelegationProcess.Eligibility;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.OrgUnit;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Asks the DMN table {@code delegation-eligibility} (the administrators' rules, of the case's own
 * deployment) about every item x target of the case and records the answers; when none passes, the
 * proposer is told why (规则否决). A power already in force for a target is not delegated twice.
 */
@Component("checkEligibilityDelegate")
@ModellingDelegate(name = "赋权条件规则初审",
        description = "按决策表 delegation-eligibility 逐项审查每个事项 × 街道/镇，记录结果，设置 eligiblePairCount 和 legalReviewRequired；全部不符合时告知申请部门。读取案件变量 caseId")
class CheckEligibilityDelegate implements JavaDelegate {

    private final DelegationCases cases;
    private final PowerCatalog catalog;
    private final OrgDirectory orgs;

    CheckEligibilityDelegate(DelegationCases cases, PowerCatalog catalog, OrgDirectory orgs) {
        this.cases = cases;
        this.catalog = catalog;
        this.orgs = orgs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = ProcessVariables.caseId(execution, Vars.CASE_ID);
        DelegationCase c = cases.require(caseId);
        CaseRules.Decision eligibility = CaseRules.of(execution, PowerDelegationProcess.DECISION_ELIGIBILITY);
        List<PairResult> results = new ArrayList<>();
        for (String itemCode : c.getItemCodes()) {
            PowerItem item = catalog.findItem(itemCode).orElseThrow();
            for (String orgCode : c.getTargetOrgCodes()) {
                OrgUnit org = orgs.requireUnit(orgCode);
                if (catalog.activePower(itemCode, orgCode).isPresent()) {
                    results.add(new PairResult(itemCode, orgCode, false, "该事项已下放至" + org.getName() + "，目录中仍有效", false));
                    continue;
                }
                DmnDecisionResultEntries result = eligibility.evaluate(Variables.createVariables()
                        .putValue(Eligibility.CATEGORY, item.getCategory().name())
                        .putValue(Eligibility.DOMAIN, item.getDomain().name())
                        .putValue(Eligibility.METHOD, c.getMethod().name())
                        .putValue(Eligibility.TARGET_TYPE, org.getType().name())
                        .putValue(Eligibility.TARGET_CENTRAL, org.isCentral()))
                        .getSingleResult();
                results.add(new PairResult(itemCode, orgCode, Boolean.TRUE.equals(result.getEntry(Eligibility.ELIGIBLE)),
                        (String) result.getEntry(Eligibility.REASON), Boolean.TRUE.equals(result.getEntry(Eligibility.LEGAL_REVIEW_REQUIRED))));
            }
        }
        cases.recordEligibility(caseId, results);
        int eligible = (int) results.stream().filter(PairResult::eligible).count();
        if (eligible == 0) {
            cases.tellRejectedByRules(caseId);
        }
        execution.setVariable(Vars.ELIGIBLE_PAIR_COUNT, eligible);
        execution.setVariable(Vars.LEGAL_REVIEW_REQUIRED, cases.require(caseId).isLegalReviewRequired());
        execution.setVariable(Vars.CASE_SUMMARY, cases.summary(caseId));
    }
}
