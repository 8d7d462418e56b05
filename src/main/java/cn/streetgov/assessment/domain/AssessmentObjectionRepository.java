package cn.streetgov.assessment.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AssessmentObjectionRepository extends JpaRepository<AssessmentObjection, Long> {

    List<AssessmentObjection> findByCaseIdOrderByRoundNoAsc(Long caseId);
}
