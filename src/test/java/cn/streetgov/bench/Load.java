package cn.streetgov.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Clients that each run whole cases, one after the other, until the time is up (a case begun is
 * finished), and what they measured: the latency of every start, task list and completion, the
 * errors, the wall time; and, with one client, the SQL statements each kind of request sent.
 */
final class Load {

    enum Op { START, LIST, CLAIM, COMPLETE }

    /** One step of a case: who acts, and the variables of the decision. */
    record Step(String user, String group, Map<String, Object> decision) {
    }

    /** One client's connection to one side (ours or bare): REST clients or engine calls as its users. */
    interface Client {
        String start();

        List<String> tasks(String processInstanceId, Step step);

        void claim(String taskId, Step step);

        void complete(String taskId, Step step);
    }

    /** One side of a comparison: a fresh client per client thread, the steps of a case, its SQL counter. */
    interface Side {
        String label();

        Client client();

        /** The steps after the start: each inner list can be done in any order (parallel branches). */
        List<List<Step>> steps();

        StatementCounter sql();
    }

    /** The figures of one run of one side at one number of clients. */
    record Result(String side, int clients, int cases, int completions, int errors, double seconds,
            Map<Op, List<Long>> micros, Map<Op, Double> sqlPerRequest, double sqlPerCase,
            Map<String, Long> statements, double cpuMillis, double dbCpuMillis) {

        /** CPU milliseconds per completion: this JVM's (both servers, the clients; on H2 the database too) and the database server's. */
        double cpuPerCompletion() {
            return completions == 0 ? Double.NaN : cpuMillis / completions;
        }

        double dbCpuPerCompletion() {
            return completions == 0 || Double.isNaN(dbCpuMillis) ? Double.NaN : dbCpuMillis / completions;
        }

        double tasksPerSecond() {
            return completions / seconds;
        }

        double casesPerSecond() {
            return cases / seconds;
        }

        /** Latency percentile in milliseconds. */
        double percentile(Op op, double p) {
            List<Long> values = micros.get(op);
            if (values == null || values.isEmpty()) {
                return Double.NaN;
            }
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1000.0;
        }
    }

    private Load() {
    }

    /** {@code clients} threads run cases on {@code side} for {@code seconds} (at least one case each). */
    static Result run(Side side, int clients, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        boolean countSql = clients == 1;
        AtomicInteger cases = new AtomicInteger();
        AtomicInteger completions = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Map<Op, List<Long>>> perThread = new ArrayList<>();
        Map<Op, long[]> sql = new EnumMap<>(Op.class);
        for (Op op : Op.values()) {
            sql.put(op, new long[2]);
        }
        long[] sqlCases = new long[1];
        if (countSql) {
            side.sql().resetStatements();
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        double cpuBefore = Cpu.jvmMillis();
        double dbCpuBefore = Cpu.databaseServerMillis();
        long began = System.nanoTime();
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Map<Op, List<Long>> micros = new EnumMap<>(Op.class);
                for (Op op : Op.values()) {
                    micros.put(op, new ArrayList<>());
                }
                perThread.add(micros);
                runs.add(pool.submit(() -> {
                    Client client = side.client();
                    do {
                        long caseSql = side.sql().count();
                        try {
                            runCase(side, client, micros, completions, countSql ? sql : null);
                            cases.incrementAndGet();
                            if (countSql) {
                                sqlCases[0] += side.sql().count() - caseSql;
                            }
                        } catch (RuntimeException e) {
                            if (errors.incrementAndGet() <= 3) {
                                System.err.println("bench: " + side.label() + " case failed: " + e);
                            }
                        }
                    } while (System.nanoTime() < deadline);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        double wall = (System.nanoTime() - began) / 1e9;
        double cpu = Cpu.jvmMillis() - cpuBefore;
        double dbCpu = Cpu.databaseServerMillis() - dbCpuBefore;
        Map<Op, List<Long>> all = new EnumMap<>(Op.class);
        for (Op op : Op.values()) {
            List<Long> values = new ArrayList<>();
            perThread.forEach(m -> values.addAll(m.get(op)));
            all.put(op, values);
        }
        Map<Op, Double> sqlPerRequest = new EnumMap<>(Op.class);
        if (countSql) {
            sql.forEach((op, s) -> sqlPerRequest.put(op, s[1] == 0 ? Double.NaN : (double) s[0] / s[1]));
        }
        return new Result(side.label(), clients, cases.get(), completions.get(), errors.get(), wall, all,
                sqlPerRequest, countSql && cases.get() > 0 ? (double) sqlCases[0] / cases.get() : Double.NaN,
                countSql ? side.sql().statements() : Map.of(), cpu, dbCpu);
    }

    private static void runCase(Side side, Client client, Map<Op, List<Long>> micros, AtomicInteger completions,
            Map<Op, long[]> sql) {
        String instance = timed(side, Op.START, micros, sql, client::start);
        for (List<Step> branch : side.steps()) {
            for (Step step : branch) {
                List<String> tasks = timed(side, Op.LIST, micros, sql, () -> client.tasks(instance, step));
                if (tasks.isEmpty()) {
                    throw new IllegalStateException("no task for " + step.user() + " in " + instance);
                }
                String task = tasks.get(0);
                timed(side, Op.CLAIM, micros, sql, () -> {
                    client.claim(task, step);
                    return null;
                });
                timed(side, Op.COMPLETE, micros, sql, () -> {
                    client.complete(task, step);
                    return null;
                });
                completions.incrementAndGet();
            }
        }
    }

    private static <T> T timed(Side side, Op op, Map<Op, List<Long>> micros, Map<Op, long[]> sql, Supplier<T> call) {
        long statements = side.sql().count();
        long began = System.nanoTime();
        T result = call.get();
        micros.get(op).add((System.nanoTime() - began) / 1000);
        if (sql != null) {
            long[] s = sql.get(op);
            s[0] += side.sql().count() - statements;
            s[1]++;
        }
        return result;
    }
}
