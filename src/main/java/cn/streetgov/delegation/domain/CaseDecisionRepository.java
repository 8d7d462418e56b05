package cn.streetgov.delegation.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseDecisionRepository extends JpaRepository<CaseDecision, Long> {

    List<CaseDecision> findByCaseIdOrderByIdAsc(Long caseId);
}
