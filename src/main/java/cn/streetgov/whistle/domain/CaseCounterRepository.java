package cn.streetgov.whistle.domain;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseCounterRepository extends JpaRepository<CaseCounter, Integer> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from CaseCounter c where c.year = :year")
    Optional<CaseCounter> lockYear(@Param("year") int year);
}
