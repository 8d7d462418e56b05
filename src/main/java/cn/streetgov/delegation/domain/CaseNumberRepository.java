package cn.streetgov.delegation.domain;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CaseNumberRepository extends JpaRepository<CaseNumber, CaseNumber.Key> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from CaseNumber n where n.key = :key")
    Optional<CaseNumber> lockByKey(CaseNumber.Key key);
}
