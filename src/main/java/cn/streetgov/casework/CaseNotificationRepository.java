package cn.streetgov.casework;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseNotificationRepository extends JpaRepository<CaseNotification, Long> {

    List<CaseNotification> findByCaseNoOrderByIdAsc(String caseNo);
}
