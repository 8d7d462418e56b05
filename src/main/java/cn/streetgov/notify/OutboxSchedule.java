package cn.streetgov.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link OutboxDispatcher} every {@code app.notify.outbox.sweep-interval} on every node: the
 * retries of failed sends and whatever a commit's own run missed (the claim keeps nodes from sending
 * a row twice). Off with {@code app.notify.outbox.sweep-enabled=false}, as in the tests, which call
 * the dispatcher after moving the engine clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "app.notify.outbox", name = "sweep-enabled", havingValue = "true", matchIfMissing = true)
class OutboxSchedule {

    private final OutboxDispatcher dispatcher;

    OutboxSchedule(OutboxDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(initialDelayString = "${app.notify.outbox.sweep-interval:PT1M}",
            fixedDelayString = "${app.notify.outbox.sweep-interval:PT1M}")
    void sendDue() {
        dispatcher.dispatchDue();
    }
}
