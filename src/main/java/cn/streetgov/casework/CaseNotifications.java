package cn.streetgov.casework;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores every notice in {@code case_notification} and hands it to each {@link NoticeDelivery} (the
 * inbox and the outward channels) in the same transaction.
 */
@Service
class CaseNotifications implements Notifications {

    private static final Logger log = LoggerFactory.getLogger(CaseNotifications.class);

    private final CaseNotificationRepository notifications;
    private final ObjectProvider<NoticeDelivery> deliveries;

    CaseNotifications(CaseNotificationRepository notifications, ObjectProvider<NoticeDelivery> deliveries) {
        this.notifications = notifications;
        this.deliveries = deliveries;
    }

    @Override
    @Transactional
    public CaseNotification send(Notice notice) {
        CaseNotification saved = notifications.save(new CaseNotification(notice, CaseClock.instant()));
        log.info("{} {} → {}: {}", notice.kind().label(), notice.caseNo(),
                saved.getRecipient(), notice.message());
        deliveries.orderedStream().forEach(delivery -> delivery.deliver(saved));
        return saved;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseNotification> ofCase(String caseNo) {
        return notifications.findByCaseNoOrderByIdAsc(caseNo);
    }
}
