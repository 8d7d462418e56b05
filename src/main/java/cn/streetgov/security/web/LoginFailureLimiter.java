package cn.streetgov.security.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed logins per client address in a sliding window: once an address has made
 * {@code maxFailures} failures within the window, it is blocked until the oldest of them leaves
 * the window. Kept in memory (per application instance); addresses without a recent failure are
 * forgotten.
 */
public class LoginFailureLimiter {

    /** More addresses than this are not tracked: expired entries are dropped first, then all. */
    static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final int maxFailures;
    private final long windowMillis;
    private final LongSupplier clock;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public LoginFailureLimiter(LoginProperties properties) {
        this(properties.maxFailuresPerAddress(), properties.failureWindow().toMillis(), System::currentTimeMillis);
    }

    LoginFailureLimiter(int maxFailures, long windowMillis, LongSupplier clock) {
        this.maxFailures = maxFailures;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    /** Milliseconds until {@code address} may try to log in again; 0 when it may now. */
    public long blockedFor(String address) {
        Deque<Long> times = failures.get(address);
        if (times == null) {
            return 0;
        }
        long now = clock.getAsLong();
        synchronized (times) {
            expire(times, now);
            if (times.size() < maxFailures) {
                return 0;
            }
            return Math.max(1, times.peekFirst() + windowMillis - now);
        }
    }

    public void recordFailure(String address) {
        long now = clock.getAsLong();
        if (failures.size() >= MAX_TRACKED_ADDRESSES && !failures.containsKey(address)) {
            forgetExpired(now);
            if (failures.size() >= MAX_TRACKED_ADDRESSES) {
                failures.clear();
            }
        }
        Deque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, now);
            times.addLast(now);
            while (times.size() > maxFailures) {
                times.removeFirst();
            }
        }
    }

    /** Forgets every failure (tests: they all run from 127.0.0.1 in one application). */
    public void reset() {
        failures.clear();
    }

    private void forgetExpired(long now) {
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                expire(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
    }

    private void expire(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() + windowMillis <= now) {
            times.removeFirst();
        }
    }
}
