package cn.streetgov.assessment.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AssessmentDecisionRepository extends JpaRepository<AssessmentDecision, Long> {

    List<AssessmentDecision> findByCaseIdOrderByIdAsc(Long caseId);
}
