package cn.streetgov.casework;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores every notice in {@code case_notification}; delivery reads from there. */
@Service
class CaseNotifications implements Notifications {

    private static final Logger log = LoggerFactory.getLogger(CaseNotifications.class);

    private final CaseNotificationRepository notifications;

    CaseNotifications(CaseNotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Override
    @Transactional
    public CaseNotification send(Notice notice) {
        CaseNotification saved = notifications.save(new CaseNotification(notice, CaseClock.instant()));
        log.info("{} {} → {}: {}", notice.kind().label(), notice.caseNo(),
                saved.getRecipient(), notice.message());
        return saved;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseNotification> ofCase(String caseNo) {
        return notifications.findByCaseNoOrderByIdAsc(caseNo);
    }
}
