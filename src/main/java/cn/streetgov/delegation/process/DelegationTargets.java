package cn.streetgov.delegation.process;

import cn.streetgov.delegation.domain.DelegationCases;
import java.util.List;
import org.springframework.stereotype.Component;

/** The multi-instance collections of the BPMN, read from the case record. */
@Component("delegationTargets")
public class DelegationTargets {

    private final DelegationCases cases;

    DelegationTargets(DelegationCases cases) {
        this.cases = cases;
    }

    /** Streets/towns with at least one eligible item: one capacity review each. */
    public List<String> forCapacityReview(Long caseId) {
        return cases.capacityTargets(caseId);
    }

    /** Streets/towns that received powers: one report each after the review period. */
    public List<String> forReport(Long caseId) {
        return cases.acceptedTargets(caseId);
    }
}
