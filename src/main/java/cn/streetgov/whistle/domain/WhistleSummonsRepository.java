package cn.streetgov.whistle.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WhistleSummonsRepository extends JpaRepository<WhistleSummons, Long> {

    List<WhistleSummons> findByCaseIdOrderByIdAsc(Long caseId);

    Optional<WhistleSummons> findByCaseIdAndDeptCode(Long caseId, String deptCode);
}
