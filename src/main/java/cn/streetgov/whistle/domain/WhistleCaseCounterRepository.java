package cn.streetgov.whistle.domain;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WhistleCaseCounterRepository extends JpaRepository<WhistleCaseCounter, Integer> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from WhistleCaseCounter c where c.year = :year")
    Optional<WhistleCaseCounter> lockYear(@Param("year") int year);
}
