package cn.streetgov.delegation.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DelegatedPowerRepository extends JpaRepository<DelegatedPower, Long> {

    List<DelegatedPower> findByStatusOrderByOrgCodeAscItemCodeAsc(DelegatedPower.Status status);

    List<DelegatedPower> findByCaseIdOrderByOrgCodeAscItemCodeAsc(Long caseId);

    List<DelegatedPower> findByItemCodeAndOrgCodeAndStatus(String itemCode, String orgCode, DelegatedPower.Status status);
}
