package cn.streetgov.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.notify.outbox.*}: how the outward channels' rows are retried ({@link OutboxDispatcher}).
 */
@ConfigurationProperties(prefix = "app.notify.outbox")
public class OutboxProperties {

    /** Attempts per row before it is given up (FAILED). */
    private int maxAttempts = 5;

    /** Wait before the second attempt; doubled for each further one, up to {@link #maxBackoff}. */
    private Duration backoff = Duration.ofMinutes(1);

    private Duration maxBackoff = Duration.ofHours(1);

    /**
     * A row claimed longer ago than this and still not marked was cut off (the node stopped while
     * sending): it is marked FAILED and never sent again.
     */
    private Duration staleAfter = Duration.ofMinutes(10);

    /** Rows one run of the dispatcher sends at most. */
    private int batchSize = 100;

    /** Whether this node runs the dispatcher on a schedule (every node may: the claim keeps rows from going twice). */
    private boolean sweepEnabled = true;

    /** Pause between two scheduled runs. */
    private Duration sweepInterval = Duration.ofMinutes(1);

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getBackoff() {
        return backoff;
    }

    public void setBackoff(Duration backoff) {
        this.backoff = backoff;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public Duration getStaleAfter() {
        return staleAfter;
    }

    public void setStaleAfter(Duration staleAfter) {
        this.staleAfter = staleAfter;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public boolean isSweepEnabled() {
        return sweepEnabled;
    }

    public void setSweepEnabled(boolean sweepEnabled) {
        this.sweepEnabled = sweepEnabled;
    }

    public Duration getSweepInterval() {
        return sweepInterval;
    }

    public void setSweepInterval(Duration sweepInterval) {
        this.sweepInterval = sweepInterval;
    }

    /** The wait after the given number of failed attempts. */
    Duration backoffAfter(int attempts) {
        Duration wait = backoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
