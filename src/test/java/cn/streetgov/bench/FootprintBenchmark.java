package cn.streetgov.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Http;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The application as its own JVM, the way an installation runs it ({@code java -cp … StreetGovApplication}
 * with the default settings and profile: demo organisation and demo cases on) on a fresh in-memory H2
 * database: the time from the process start to {@code /actuator/health} UP and to
 * {@code /actuator/health/readiness} UP, the "Started … in N seconds" line of its log, the heap in use
 * after start-up and after a load (whistle cases run to their end and a few hundred reads over REST),
 * each after a full GC ({@code jcmd <pid> GC.run}, then the metric {@code jvm.memory.used} of area heap
 * as admin). The JVM is stopped at the end; its log and Tomcat's work files stay under {@code target/}.
 * Writes the section {@code 30-footprint} of {@code target/bench/report.md}.
 * <p>
 * {@code -Dbench.footprint.port} (18301), {@code -Dbench.footprint.jvmArgs} (e.g. {@code -Xmx512m}; none by default).
 */
class FootprintBenchmark {

    static final boolean SMOKE = Boolean.getBoolean("bench.smoke");
    static final int PORT = Integer.getInteger("bench.footprint.port", 18301);
    static final String JVM_ARGS = System.getProperty("bench.footprint.jvmArgs", "");
    static final int CASES = SMOKE ? 2 : 5;
    static final int READS = SMOKE ? 100 : 400;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Start-up of an installation without the demo cases (app.demo.cases=false, as the mariadb profile has it). */
    private String withoutDemoCases(Path work) throws Exception {
        List<String> command = command(work, "--app.demo.cases=false");
        Path log = work.resolve("app-without-demo-cases.log");
        long t0 = System.nanoTime();
        Process app = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            double healthUp = waitFor("/actuator/health", t0, app);
            double readinessUp = waitFor("/actuator/health/readiness", t0, app);
            return String.format(Locale.ROOT, "| the same without the demo cases (`--app.demo.cases=false`): "
                    + "health UP / readiness UP / log | %.1f s / %.1f s / %s | < 20 s | %s |%n",
                    healthUp, readinessUp, startedLine(log), healthUp < 20 ? "met" : "**missed**");
        } finally {
            stop(app);
        }
    }

    private static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            app.destroyForcibly().waitFor();
        }
    }

    private List<String> command(Path work, String... extra) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.stream(JVM_ARGS.split("\\s+")).filter(a -> !a.isBlank()).toList());
        command.addAll(List.of("-cp", classpath(), "cn.streetgov.StreetGovApplication",
                "--server.port=" + PORT,
                "--spring.datasource.url=jdbc:h2:mem:footprint;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                "--server.tomcat.basedir=" + work.resolve("tomcat"),
                "--management.endpoint.health.probes.enabled=true"));
        command.addAll(List.of(extra));
        return command;
    }

    @Test
    void startUpAndHeap() throws Exception {
        Path work = Path.of("target", "footprint").toAbsolutePath();
        Files.createDirectories(work);
        Path log = work.resolve("app.log");
        List<String> command = command(work);
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long t0 = System.nanoTime();
        Process app = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            double healthUp = waitFor("/actuator/health", t0, app);
            double readinessUp = waitFor("/actuator/health/readiness", t0, app);
            String started = startedLine(log);
            Heap afterStart = heap(app.pid());

            long l0 = System.nanoTime();
            for (int i = 0; i < CASES; i++) {
                WhistleRun.run(PORT, "占道经营（体量测试 " + (i + 1) + "）");
            }
            Http office = Http.as(PORT, WhistleRun.OFFICE);
            Http auditor = Http.as(PORT, "auditor");
            Http anonymous = Http.anonymous(PORT);
            int requests = CASES * 16;
            for (int i = 0; i < READS; i++) {
                Http.Response r = switch (i % 4) {
                    case 0 -> office.get("/engine-rest/task?candidateGroups=" + WhistleRun.OFFICE_GROUP
                            + "&includeAssignedTasks=true&firstResult=0&maxResults=15");
                    case 1 -> office.get("/api/cases/done?page=0&size=20");
                    case 2 -> auditor.get("/api/audit/cases?page=0&size=20");
                    default -> anonymous.get("/api/catalog");
                };
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                requests++;
            }
            double loadSeconds = (System.nanoTime() - l0) / 1e9;
            Heap afterLoad = heap(app.pid());

            stop(app);
            String second = withoutDemoCases(work);
            BenchReport.section("30-footprint", report(loadBefore, healthUp, readinessUp, started, afterStart, afterLoad,
                    requests, loadSeconds) + second);
            System.out.printf(Locale.ROOT, "bench: health UP %.1f s, ready %.1f s, %s; heap %.0f / %.0f MB (max %.0f MB)%n",
                    healthUp, readinessUp, started, afterStart.usedMb(), afterLoad.usedMb(), afterLoad.maxMb());
            assertThat(afterLoad.usedMb()).isPositive();
        } finally {
            stop(app);
        }
    }

    record Heap(double usedMb, double committedMb, double maxMb) {
    }

    /** After a full GC (jcmd GC.run): the heap in use, committed and the maximum, from the actuator as admin. */
    private Heap heap(long pid) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), "GC.run").redirectErrorStream(true).start();
        jcmd.getInputStream().readAllBytes();
        assertThat(jcmd.waitFor()).as("jcmd GC.run").isZero();
        Http admin = Http.as(PORT, "admin");
        return new Heap(metric(admin, "jvm.memory.used"), metric(admin, "jvm.memory.committed"),
                metric(admin, "jvm.memory.max"));
    }

    private static double metric(Http admin, String name) {
        Http.Response r = admin.get("/actuator/metrics/" + name + "?tag=area:heap");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("measurements").get(0).get("value").asDouble() / (1024 * 1024);
    }

    /** Seconds from the process start until the path answers 200 with status UP. */
    private double waitFor(String path, long t0, Process app) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("the application is running (see target/footprint/app.log)").isTrue();
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return (System.nanoTime() - t0) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(path + " not UP within 180 s");
    }

    private static String startedLine(Path log) throws IOException {
        Matcher m = Pattern.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)")
                .matcher(Files.readString(log, StandardCharsets.UTF_8));
        return m.find() ? "Started in " + m.group(1) + " s (process running for " + m.group(2) + " s)" : "no Started line";
    }

    /** target/classes and the test's runtime class path, without the test classes and resources. */
    private static String classpath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String testClasses = Path.of("target", "test-classes").toAbsolutePath().toString();
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(p -> !Path.of(p).toAbsolutePath().toString().equals(testClasses))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String report(double loadBefore, double healthUp, double readinessUp, String started, Heap afterStart,
            Heap afterLoad, int requests, double loadSeconds) {
        String jvmArgs = JVM_ARGS.isBlank() ? "none (the JVM's default maximum heap)" : "`" + JVM_ARGS + "`";
        return String.format(Locale.ROOT, """

                ## Footprint (FootprintBenchmark)

                The application as its own JVM (`java -cp target/classes:<runtime class path> cn.streetgov.StreetGovApplication \
                --server.port=%d`, default profile: demo organisation and demo cases seeded at start-up) on a fresh in-memory \
                H2 database, JVM options: %s; the machine's load average when it was started: %.2f (%d processors). Heap after a full GC (`jcmd <pid> GC.run`), read as admin from \
                `/actuator/metrics/jvm.memory.used?tag=area:heap`. The load: %d whistle cases run to their end over REST as \
                the demo users and %d reads (task list, 已办, the auditors' search, the catalog), %d requests in %.1f s.

                | | measured | target | |
                |---|---|---|---|
                | process start → `/actuator/health` UP | %.1f s | < 20 s | %s |
                | process start → `/actuator/health/readiness` UP | %.1f s | | |
                | the log's line | %s | | |
                | heap used after start-up | %.0f MB (committed %.0f MB) | | |
                | heap used after the load | %.0f MB (committed %.0f MB) | < 512 MB | %s |
                | max heap | %.0f MB | | |
                """, PORT, jvmArgs, loadBefore, Runtime.getRuntime().availableProcessors(), CASES, READS, requests, loadSeconds, healthUp, healthUp < 20 ? "met" : "**missed**",
                readinessUp, started, afterStart.usedMb(), afterStart.committedMb(), afterLoad.usedMb(), afterLoad.committedMb(),
                afterLoad.usedMb() < 512 ? "met" : "**missed**", afterLoad.maxMb());
    }
}
