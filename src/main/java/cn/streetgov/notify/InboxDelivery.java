package cn.streetgov.notify;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseNotification;
import cn.streetgov.casework.NoticeDelivery;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Person;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Fans every notice out to the people it is for, in the notice's transaction: a user notice to that
 * user, a group notice to every active member of the group at this moment (the organisation model).
 * Each gets a row in their inbox ({@code notify_inbox}) and, per enabled outward channel, a row in
 * the outbox — sent once the transaction has committed ({@link OutboxDispatcher}), so a rolled-back
 * step tells nobody anything.
 */
@Component
class InboxDelivery implements NoticeDelivery {

    private static final Logger log = LoggerFactory.getLogger(InboxDelivery.class);

    private final JdbcTemplate jdbc;
    private final OrgDirectory orgs;
    private final Outbox outbox;
    private final ObjectProvider<NotificationChannel> channels;
    private final ObjectProvider<OutboxDispatcher> dispatcher;

    InboxDelivery(JdbcTemplate jdbc, OrgDirectory orgs, Outbox outbox, ObjectProvider<NotificationChannel> channels,
            ObjectProvider<OutboxDispatcher> dispatcher) {
        this.jdbc = jdbc;
        this.orgs = orgs;
        this.outbox = outbox;
        this.channels = channels;
        this.dispatcher = dispatcher;
    }

    @Override
    public void deliver(CaseNotification notification) {
        Instant at = notification.getCreatedAt();
        List<NotificationChannel> enabled = channels.orderedStream().filter(NotificationChannel::enabled).toList();
        boolean queued = false;
        for (Recipient recipient : recipients(notification)) {
            jdbc.update("insert into notify_inbox (notification_id, user_id, via_group, created_at) values (?, ?, ?, ?)",
                    notification.getId(), recipient.userId(), notification.getRecipientGroup(), Outbox.utc(at));
            if (recipient.person() == null) {
                continue;
            }
            for (NotificationChannel channel : enabled) {
                String address = channel.address(recipient.person());
                if (address == null) {
                    outbox.addSkipped(notification.getId(), recipient.userId(), channel.name(), channel.missingAddress(), at);
                    log.info("{} {}：{} 无{}地址，已跳过", notification.getKind().label(), notification.getCaseNo(),
                            recipient.userId(), channel.name());
                } else {
                    outbox.add(notification.getId(), recipient.userId(), channel.name(), address, at);
                    queued = true;
                }
            }
        }
        if (queued) {
            kickAfterCommit();
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

    private void kickAfterCommit() {
        if (TransactionScoped.get(Kick.class, () -> new Kick(dispatcher.getObject())) == null) {
            dispatcher.getObject().kick();
        }
    }

    /** One run of the dispatcher once the transaction that queued rows has committed. */
    private static final class Kick implements TransactionSynchronization {

        private final OutboxDispatcher dispatcher;

        Kick(OutboxDispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Override
        public void afterCommit() {
            dispatcher.kick();
        }
    }
}
