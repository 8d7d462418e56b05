package cn.streetgov.appointment.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseOpinionRepository extends JpaRepository<CaseOpinion, Long> {

    List<CaseOpinion> findByCaseIdOrderByIdAsc(Long caseId);
}
