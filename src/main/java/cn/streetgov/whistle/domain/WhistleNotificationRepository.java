package cn.streetgov.whistle.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WhistleNotificationRepository extends JpaRepository<WhistleNotification, Long> {

    List<WhistleNotification> findByCaseIdOrderByIdAsc(Long caseId);
}
