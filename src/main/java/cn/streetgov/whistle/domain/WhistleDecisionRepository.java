package cn.streetgov.whistle.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WhistleDecisionRepository extends JpaRepository<WhistleDecision, Long> {

    List<WhistleDecision> findByCaseIdOrderByIdAsc(Long caseId);
}
