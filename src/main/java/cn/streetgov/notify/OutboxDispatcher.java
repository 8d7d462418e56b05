package cn.streetgov.notify;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Person;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the outbox: each due row of an enabled channel is claimed by one conditional UPDATE
 * (committed on its own, before anything is sent: of two dispatchers on two threads or nodes only
 * one wins a row), sent, and marked SENT; a failed send is due again after a growing wait, and given
 * up (FAILED) after {@code app.notify.outbox.max-attempts}. Runs right after each commit that queued
 * rows ({@link #kick}, off the committing thread) and on a schedule ({@link OutboxSchedule}) for the
 * retries.
 * <p>
 * <b>At most once.</b> A row is claimed before it is sent and marked after. A node that stops (or
 * loses the database) after the channel accepted a message but before the mark leaves the row
 * SENDING; it is never claimed again, and once {@code stale-after} has passed it is marked FAILED
 * with the reason, for an administrator to see. So a person may miss a mail in a crash, but never
 * gets one twice; the inbox, written in the case's own transaction, always has the notice. (Sending
 * again after a crash would turn this into at-least-once: duplicates instead of losses.)
 */
@Service
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    /** A task's or a step's name as the messages quote it: 「评估承接能力」. */
    private static final Pattern QUOTED = Pattern.compile("「([^」]{1,60})」");

    private final Outbox outbox;
    private final ObjectProvider<NotificationChannel> channels;
    private final OutboxProperties properties;
    private final JdbcTemplate jdbc;
    private final OrgDirectory orgs;
    private final EngineReads engine;
    private final String tasklistLink;
    /** One run at a time after commits; a commit during a run queues one more run, further ones add nothing. */
    private final ThreadPoolExecutor kicks = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1), runnable -> {
                Thread thread = new Thread(runnable, "notify-outbox");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    OutboxDispatcher(Outbox outbox, ObjectProvider<NotificationChannel> channels, OutboxProperties properties,
            JdbcTemplate jdbc, OrgDirectory orgs, EngineReads engine, @Value("${app.base-url}") String baseUrl) {
        this.outbox = outbox;
        this.channels = channels;
        this.properties = properties;
        this.jdbc = jdbc;
        this.orgs = orgs;
        this.engine = engine;
        this.tasklistLink = baseUrl.replaceAll("/+$", "") + "/camunda/app/tasklist/";
    }

    /** A run soon, on the dispatcher's own thread (after a commit: the official's request does not wait for SMTP). */
    void kick() {
        kicks.execute(() -> {
            try {
                dispatchDue();
            } catch (RuntimeException e) {
                log.warn("发送外发通知失败，稍后重试: {}", e.toString());
            }
        });
    }

    @PreDestroy
    void stop() {
        kicks.shutdownNow();
    }

    /** Sends every due row of the enabled channels; answers how many were sent. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int dispatchDue() {
        Instant now = CaseClock.instant();
        int cutOff = outbox.giveUpCutOff(now.minus(properties.getStaleAfter()),
                "发送中断（发送途中节点停止或失去数据库连接），是否送达不明；为免重复，不再重发");
        if (cutOff > 0) {
            log.warn("{} 条外发通知发送中断，结果不明，已标为失败（不重发）", cutOff);
        }
        Map<String, NotificationChannel> enabled = new LinkedHashMap<>();
        channels.orderedStream().filter(NotificationChannel::enabled).forEach(c -> enabled.put(c.name(), c));
        int sent = 0;
        for (Long id : outbox.due(List.copyOf(enabled.keySet()), now, properties.getBatchSize())) {
            Optional<Outbox.Row> claimed = outbox.claim(id, CaseClock.instant());
            if (claimed.isEmpty()) {
                continue;
            }
            Outbox.Row row = claimed.get();
            NotificationChannel channel = enabled.get(row.channel());
            if (channel == null || !channel.enabled()) {
                outbox.release(row);
                continue;
            }
            try {
                channel.send(message(row));
                outbox.sent(row, CaseClock.instant());
                sent++;
            } catch (Exception e) {
                Instant retryAt = row.attempts() >= properties.getMaxAttempts() ? null
                        : CaseClock.instant().plus(properties.backoffAfter(row.attempts()));
                outbox.failed(row, e.toString(), retryAt);
                log.warn("外发通知 {}（{} → {}）第 {} 次发送失败{}: {}", row.id(), row.channel(), row.userId(),
                        row.attempts(), retryAt == null ? "，不再重试" : "，稍后重试", e.toString());
            }
        }
        return sent;
    }

    private OutboundMessage message(Outbox.Row row) {
        Map<String, Object> notice = jdbc.queryForMap("select n.kind, n.case_no, n.process_instance_id, n.message,"
                + " o.created_at from case_notification n join notify_outbox o on o.notification_id = n.id"
                + " where o.id = ?", row.id());
        String processInstanceId = (String) notice.get("process_instance_id");
        String processName = processInstanceId == null ? null
                : engine.processNames(List.of(processInstanceId)).get(processInstanceId);
        String text = (String) notice.get("message");
        String name = orgs.findPerson(row.userId()).map(Person::getDisplayName).orElse(row.userId());
        return new OutboundMessage(row.address(), name, (String) notice.get("case_no"),
                NoticeKind.valueOf((String) notice.get("kind")), processName, headline(text, processName), text,
                instant(notice.get("created_at")), tasklistLink);
    }

    /** What the notice is about: the first step it quotes (「…」), else the workflow. */
    static String headline(String text, String processName) {
        Matcher quoted = QUOTED.matcher(text);
        return quoted.find() ? quoted.group(1) : processName;
    }

    private static Instant instant(Object utc) {
        LocalDateTime time = utc instanceof LocalDateTime local ? local
                : ((java.sql.Timestamp) utc).toLocalDateTime();
        return time.toInstant(ZoneOffset.UTC);
    }
}
