package cn.streetgov.delegation.process;

import static cn.streetgov.delegation.process.PowerDelegationProcess.CONFIRM_STAFFING;
import static cn.streetgov.delegation.process.PowerDelegationProcess.DECIDE_DELEGATION;
import static cn.streetgov.delegation.process.PowerDelegationProcess.PUBLISH_CATALOG;
import static cn.streetgov.delegation.process.PowerDelegationProcess.REJECT_CASE;
import static cn.streetgov.delegation.process.PowerDelegationProcess.REVIEW_CAPACITY;
import static cn.streetgov.delegation.process.PowerDelegationProcess.REVIEW_LEGALITY;
import static cn.streetgov.delegation.process.PowerDelegationProcess.REVISE_PROPOSAL;
import static cn.streetgov.delegation.process.PowerDelegationProcess.REVISE_STAFFING;
import static cn.streetgov.delegation.process.PowerDelegationProcess.WITHDRAW_CASE;

import cn.streetgov.casework.ApprovalPolicy;
import cn.streetgov.delegation.domain.CaseStatus;
import cn.streetgov.delegation.domain.DelegationCases;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The approval operations of {@code power-delegation}: the legal review returns to the department's
 * revision (退回发起人), so does the staffing office; published, rejected or withdrawn cases cannot be
 * reopened; a reopened step puts the case's status back.
 */
@Component
class DelegationApprovalPolicy implements ApprovalPolicy {

    private final DelegationCases cases;

    DelegationApprovalPolicy(DelegationCases cases) {
        this.cases = cases;
    }

    @Override
    public String processKey() {
        return PowerDelegationProcess.KEY;
    }

    @Override
    public Set<String> pointsOfNoReturn() {
        return Set.of(PUBLISH_CATALOG, REJECT_CASE, WITHDRAW_CASE);
    }

    @Override
    public String starterRevise(String taskKey) {
        return switch (taskKey) {
            case REVIEW_LEGALITY -> REVISE_PROPOSAL;
            case CONFIRM_STAFFING, DECIDE_DELEGATION -> REVISE_STAFFING;
            default -> null;
        };
    }

    @Override
    public void reopened(String reopenedTaskKey, Map<String, Object> variables) {
        if (!(variables.get(Vars.CASE_ID) instanceof Number caseId)) {
            return;
        }
        CaseStatus status = switch (reopenedTaskKey) {
            case REVIEW_CAPACITY, REVIEW_LEGALITY -> CaseStatus.IN_REVIEW;
            case REVISE_PROPOSAL, REVISE_STAFFING -> CaseStatus.REVISING;
            case CONFIRM_STAFFING -> CaseStatus.STAFFING;
            case DECIDE_DELEGATION -> CaseStatus.DECIDING;
            default -> null;
        };
        if (status != null) {
            cases.setStatus(caseId.longValue(), status);
        }
    }
}
