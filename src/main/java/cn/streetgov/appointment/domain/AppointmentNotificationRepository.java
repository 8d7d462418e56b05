package cn.streetgov.appointment.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AppointmentNotificationRepository extends JpaRepository<AppointmentNotification, Long> {

    List<AppointmentNotification> findByCaseIdOrderByIdAsc(Long caseId);

    List<AppointmentNotification> findBySuggestionIdOrderByIdAsc(Long suggestionId);
}
