package cn.streetgov.notify;

import cn.streetgov.org.domain.Person;

/**
 * An outward way of telling a person of a notice (mail; an SMS or government IM gateway is another
 * Spring bean implementing this, and nothing else changes: no workflow knows the channels). For
 * every notice the inbox delivers, each enabled channel gets one outbox row per person, sent after
 * the notice's transaction commits, retried, never twice ({@link OutboxDispatcher}).
 */
public interface NotificationChannel {

    /** The channel's name in the outbox, upper case and unique, e.g. {@code MAIL}. */
    String name();

    /** Whether the channel sends now (read at the time: a switched-off channel gets no rows and sends none). */
    boolean enabled();

    /**
     * Where the person is reached on this channel (an e-mail address, a mobile number), or null when
     * they cannot be: their row is then recorded as skipped, with {@link #missingAddress()}.
     */
    String address(Person person);

    /** Why a person without an address is skipped, in Chinese (e.g. 未登记电子邮箱). */
    String missingAddress();

    /** Sends one message; any exception counts as a failed attempt, retried later. */
    void send(OutboundMessage message) throws Exception;
}
