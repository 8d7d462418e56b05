package cn.streetgov.delegation.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseNotificationRepository extends JpaRepository<CaseNotification, Long> {

    List<CaseNotification> findByCaseIdOrderByIdAsc(Long caseId);
}
