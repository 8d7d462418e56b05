package cn.streetgov.delegation.domain;

import java.time.LocalDate;
import java.util.List;

/** The validated start input of a delegation case. */
public record DelegationProposal(String deptCode, List<String> itemCodes, List<String> targetOrgCodes,
        DelegationMethod method, String legalBasis, String reason, int staffingTransfer, LocalDate effectiveDate) {

    public DelegationProposal {
        itemCodes = List.copyOf(itemCodes);
        targetOrgCodes = List.copyOf(targetOrgCodes);
    }
}
