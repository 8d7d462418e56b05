package cn.streetgov.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named places inside a transaction where two concurrent transactions may collide: just before
 * the lock that makes them take turns. Tests hold two racing transactions there (each waits for
 * the other) to prove that the lock, not luck, keeps the result right. Nothing is registered in
 * production, where {@link #reached} is one map lookup.
 */
public final class RacePoints {

    private static final Map<String, Runnable> HOOKS = new ConcurrentHashMap<>();

    private RacePoints() {
    }

    /** Called by the code at the race point {@code point}. */
    public static void reached(String point) {
        Runnable hook = HOOKS.get(point);
        if (hook != null) {
            hook.run();
        }
    }

    /** Tests: runs {@code hook} in every transaction that reaches {@code point}, until the handle is closed. */
    public static Registration onReach(String point, Runnable hook) {
        HOOKS.put(point, hook);
        return () -> HOOKS.remove(point, hook);
    }

    /** A registered hook; closing it removes it. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
