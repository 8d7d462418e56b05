package cn.streetgov.delegation.domain;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DelegationCaseNumberRepository extends JpaRepository<DelegationCaseNumber, DelegationCaseNumber.Key> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from DelegationCaseNumber n where n.key = :key")
    Optional<DelegationCaseNumber> lockByKey(DelegationCaseNumber.Key key);
}
