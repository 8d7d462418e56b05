package cn.streetgov.test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Two actions started at the same moment in two threads, each in its own transactions (nothing of
 * the test's thread is shared: no test transaction, no engine authentication). The timeouts only
 * keep a broken run from hanging the build; nothing is asserted on timing.
 */
public final class Race {

    /** How long a racing action or a held transaction may take before the run counts as hung. */
    public static final long TIMEOUT_SECONDS = 120;

    /** What one of the two actions did: its result, or the exception it ended with. */
    public record Outcome<T>(T result, Throwable failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    private Race() {
    }

    /** Starts both actions at once (a latch opens for both threads together) and waits for both to end. */
    public static <T> List<Outcome<T>> twoAtOnce(Supplier<T> first, Supplier<T> second) {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Outcome<T>>> runs = new ArrayList<>();
            for (Supplier<T> action : List.of(first, second)) {
                runs.add(pool.submit(() -> {
                    start.await();
                    try {
                        return new Outcome<T>(action.get(), null);
                    } catch (RuntimeException | Error e) {
                        return new Outcome<T>(null, e);
                    }
                }));
            }
            start.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> run : runs) {
                outcomes.add(run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return outcomes;
        } catch (Exception e) {
            throw new IllegalStateException("the race did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** As {@link #twoAtOnce(Supplier, Supplier)} for actions without a result. */
    public static List<Outcome<Void>> twoAtOnce(Runnable first, Runnable second) {
        return twoAtOnce(() -> {
            first.run();
            return null;
        }, () -> {
            second.run();
            return null;
        });
    }

    /**
     * A meeting point for the two racing transactions, to be run from a race point of the code
     * under test: each waits there until the other has arrived too, so that both have read what
     * they read before it and neither has written what it writes after it.
     */
    public static Runnable meetingOfTwo() {
        CyclicBarrier barrier = new CyclicBarrier(2);
        return () -> {
            try {
                barrier.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the other racer never reached the race point", e);
            }
        };
    }
}
