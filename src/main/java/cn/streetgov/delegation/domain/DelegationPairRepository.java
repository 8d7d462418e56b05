package cn.streetgov.delegation.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DelegationPairRepository extends JpaRepository<DelegationPair, Long> {

    List<DelegationPair> findByCaseIdOrderByOrgCodeAscItemCodeAsc(Long caseId);

    List<DelegationPair> findByCaseIdAndOrgCode(Long caseId, String orgCode);

    void deleteByCaseId(Long caseId);
}
