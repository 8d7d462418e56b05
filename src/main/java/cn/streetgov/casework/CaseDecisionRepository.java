package cn.streetgov.casework;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseDecisionRepository extends JpaRepository<CaseDecision, Long> {

    List<CaseDecision> findByCaseNoOrderByIdAsc(String caseNo);
}
