package cn.streetgov.delegation.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CasePairRepository extends JpaRepository<CasePair, Long> {

    List<CasePair> findByCaseIdOrderByOrgCodeAscItemCodeAsc(Long caseId);

    List<CasePair> findByCaseIdAndOrgCode(Long caseId, String orgCode);

    void deleteByCaseId(Long caseId);
}
