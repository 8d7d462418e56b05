package cn.streetgov.notify;

import cn.streetgov.casework.CaseNotification;
import cn.streetgov.casework.NoticeDelivery;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Person;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fans every notice out to the people it is for, in the notice's transaction: a user notice to that
 * user, a group notice to every active member of the group at this moment (the organisation model).
 * Each gets a row in their inbox ({@code notify_inbox}), so a rolled-back step tells nobody anything.
 */
@Component
class InboxDelivery implements NoticeDelivery {

    private static final Logger log = LoggerFactory.getLogger(InboxDelivery.class);

    private final JdbcTemplate jdbc;
    private final OrgDirectory orgs;

    InboxDelivery(JdbcTemplate jdbc, OrgDirectory orgs) {
        this.jdbc = jdbc;
        this.orgs = orgs;
    }

    @Override
    public void deliver(CaseNotification notification) {
        Instant at = notification.getCreatedAt();
        for (Recipient recipient : recipients(notification)) {
            jdbc.update("insert into notify_inbox (notification_id, user_id, via_group, created_at) values (?, ?, ?, ?)",
                    notification.getId(), recipient.userId(), notification.getRecipientGroup(), LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        }
    }

    /** A person the notice reaches; {@code person} is null for a user the organisation model does not know. */
    private record Recipient(String userId, Person person) {
    }

    private List<Recipient> recipients(CaseNotification notification) {
        if (notification.getRecipientUser() != null) {
            Optional<Person> person = orgs.findPerson(notification.getRecipientUser());
            if (person.isPresent() && !person.get().isActive()) {
                log.info("{} {}：{} 已停用，不再送达", notification.getKind().label(), notification.getCaseNo(),
                        notification.getRecipientUser());
                return List.of();
            }
            return List.of(new Recipient(notification.getRecipientUser(), person.orElse(null)));
        }
        return orgs.activeMembers(notification.getRecipientGroup()).stream()
                .map(person -> new Recipient(person.getUsername(), person)).toList();
    }
}
