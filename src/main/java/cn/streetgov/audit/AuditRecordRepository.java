package cn.streetgov.audit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditRecordRepository extends JpaRepository<AuditRecord, Long> {

    List<AuditRecord> findByProcessInstanceIdOrderBySeqAsc(String processInstanceId);

    Optional<AuditRecord> findFirstByProcessInstanceIdOrderBySeqDesc(String processInstanceId);
}
