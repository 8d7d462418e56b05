package cn.streetgov.audit;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AuditChainHeadRepository extends JpaRepository<AuditChainHead, String> {

    /** The head, locked until the end of the transaction (select … for update): one append at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from AuditChainHead h where h.processInstanceId = :id")
    Optional<AuditChainHead> lockForAppend(@Param("id") String processInstanceId);
}
