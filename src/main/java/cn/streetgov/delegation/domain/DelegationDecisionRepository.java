package cn.streetgov.delegation.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DelegationDecisionRepository extends JpaRepository<DelegationDecision, Long> {

    List<DelegationDecision> findByCaseIdOrderByIdAsc(Long caseId);
}
