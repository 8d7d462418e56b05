package cn.streetgov.casework;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link DeadlineSweep} every {@code app.deadlines.sweep-interval} on every node (the sweep's
 * table keeps nodes from sending twice). Off with {@code app.deadlines.sweep-enabled=false}, as in
 * the tests, which call the sweep after moving the engine clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "app.deadlines", name = "sweep-enabled", havingValue = "true", matchIfMissing = true)
class DeadlineSchedule {

    private final DeadlineSweep sweep;

    DeadlineSchedule(DeadlineSweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(initialDelayString = "${app.deadlines.sweep-interval:PT1M}",
            fixedDelayString = "${app.deadlines.sweep-interval:PT1M}")
    void sweepDeadlines() {
        sweep.sweep();
    }
}
