package cn.streetgov.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Counts the SQL statements an application sends through its pool: every execute of a statement,
 * every statement added to a batch (the database runs each), the same way for our application and
 * for the bare engine, on H2 and MariaDB alike. A wrapper around the pool's {@link DataSource}
 * (interfaces only, so that nothing else changes); the benchmark reads the count before and after
 * a request made while nothing else runs.
 */
final class StatementCounter {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "addBatch");

    private final AtomicLong statements = new AtomicLong();
    private final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();

    long count() {
        return statements.get();
    }

    /** How often each statement (its first 160 characters) ran since the last {@link #resetStatements}. */
    Map<String, Long> statements() {
        Map<String, Long> counts = new HashMap<>();
        bySql.forEach((sql, n) -> counts.put(sql, n.sum()));
        return counts;
    }

    void resetStatements() {
        bySql.clear();
    }

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result) -> result instanceof Connection c
                ? proxy(Connection.class, c, this::counted) : result);
    }

    private Object counted(Method method, Object[] args, Object result) {
        String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
        if (result instanceof CallableStatement s) {
            return proxy(CallableStatement.class, s, (m, a, r) -> executions(sql, m, a, r));
        }
        if (result instanceof PreparedStatement s) {
            return proxy(PreparedStatement.class, s, (m, a, r) -> executions(sql, m, a, r));
        }
        if (result instanceof Statement s) {
            return proxy(Statement.class, s, (m, a, r) -> executions(null, m, a, r));
        }
        return result;
    }

    private Object executions(String prepared, Method method, Object[] args, Object result) {
        // a batch counts per added statement: executeBatch itself sends them, counted already
        if (EXECUTIONS.contains(method.getName())) {
            statements.incrementAndGet();
            String sql = prepared != null ? prepared
                    : args != null && args.length > 0 && args[0] instanceof String text ? text : "?";
            String key = sql.replaceAll("\\s+", " ").trim();
            bySql.computeIfAbsent(key.length() > 160 ? key.substring(0, 160) : key, k -> new LongAdder()).increment();
        }
        return result;
    }

    private interface After {
        Object apply(Method method, Object[] args, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (self, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> c
                    && c.isInstance(self)) {
                return self;
            }
            if (method.getName().equals("isWrapperFor") && args != null && args[0] instanceof Class<?> c
                    && c.isInstance(self)) {
                return true;
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.apply(method, args, result);
        };
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
