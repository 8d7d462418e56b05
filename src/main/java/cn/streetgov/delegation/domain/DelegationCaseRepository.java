package cn.streetgov.delegation.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DelegationCaseRepository extends JpaRepository<DelegationCase, Long> {

    Optional<DelegationCase> findByCaseNo(String caseNo);
}
