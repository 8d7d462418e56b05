package cn.streetgov.whistle.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WhistleCaseRepository extends JpaRepository<WhistleCase, Long> {

    Optional<WhistleCase> findByCaseNo(String caseNo);
}
