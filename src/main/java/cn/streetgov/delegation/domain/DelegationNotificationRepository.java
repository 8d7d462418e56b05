package cn.streetgov.delegation.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DelegationNotificationRepository extends JpaRepository<DelegationNotification, Long> {

    List<DelegationNotification> findByCaseIdOrderByIdAsc(Long caseId);
}
