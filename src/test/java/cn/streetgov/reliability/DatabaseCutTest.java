package cn.streetgov.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Database cut: application → {@link TcpProxy} → MariaDB; under load the proxy is cut for 10 s and
 * restored. Health goes DOWN, then UP again; what fails during the cut fails with 503, Retry-After
 * and the Chinese "数据库暂时无法访问…" (never a 500, never a stack trace); timers due during the cut
 * fire once afterwards; nothing acknowledged is lost or doubled.
 * <p>{@code -Dreliability.cut.seconds} (10), {@code -Dreliability.cut.cases} (30),
 * {@code -Dreliability.cut.timers} (20), {@code -Dreliability.clients} (6, at most 4 here).
 */
class DatabaseCutTest {

    static final int APP_PORT = Integer.getInteger("reliability.cut.port", 18111);
    static final int PROXY_PORT = APP_PORT + 1;
    static final String MESSAGE = "数据库暂时无法访问，本次操作未保存，请稍后重试";

    record Probe(String what, int status, String retryAfter, String body) {
    }

    @Test
    void aCutDatabaseIsA503WithAChineseReasonAndNothingIsLostAfterwards() throws Exception {
        int cutSeconds = Integer.getInteger("reliability.cut.seconds", 10);
        int cases = Integer.getInteger("reliability.cut.cases", 30);
        int timers = Integer.getInteger("reliability.cut.timers", 20);
        int clients = Math.min(4, Integer.getInteger("reliability.clients", 6));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(480L + cases));
        try (TestDatabase db = TestDatabase.create("cut");
             TcpProxy proxy = new TcpProxy(PROXY_PORT, TestDatabase.HOST, TestDatabase.PORT);
             AppProcess app = new AppProcess("cut", APP_PORT, db.applicationUrl("127.0.0.1", PROXY_PORT))) {
            app.start(Duration.ofMinutes(4));
            RestClient rest = app.rest();
            Timers.deploy(rest);
            // timers due in the middle of the cut
            Instant fireAt = Instant.now().plus(Duration.ofSeconds(8 + cutSeconds / 2));
            List<String> timerIds = new ArrayList<>();
            for (int i = 0; i < timers; i++) {
                timerIds.add(Timers.start(rest, fireAt));
            }
            assertThat(timerIds).doesNotContainNull();

            Workload workload = new Workload(app::rest, cases, clients, deadline);
            Thread load = workload.startInBackground("cut-load");
            while (workload.acknowledgedCompletions.size() < 10 && load.isAlive()) {
                AppProcess.sleep(100);
            }

            // the cut, with probes of health, /engine-rest and /api while it lasts
            List<Probe> probes = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean probing = new AtomicBoolean(true);
            // one prober per kind of request, so that each is asked several times while the cut lasts
            Map<String, java.util.function.Supplier<RestClient.Response>> calls = Map.of(
                    "health", () -> rest.get(null, "/actuator/health"),
                    "engine-rest", () -> rest.get("s01-off", "/engine-rest/task?candidateGroup=street-office-S01&maxResults=5"),
                    "api", () -> rest.get("s01-off", "/api/notifications/unread-count"),
                    "start", () -> rest.post("s02-off", "/engine-rest/process-definition/key/whistle-dispatch/submit-form",
                            Map.of("variables", Map.of("orgCode", Workload.value("S02", "String"),
                                    "summary", Workload.value("断库期间的吹哨", "String"),
                                    "urgency", Workload.value("NORMAL", "String"),
                                    "deptCodes", Workload.value("[\"GA\"]", "Json")))));
            List<Thread> probers = new ArrayList<>();
            calls.forEach((what, call) -> probers.add(new Thread(() -> {
                while (probing.get()) {
                    probe(probes, what, call);
                    AppProcess.sleep(200);
                }
            }, "cut-probe-" + what)));
            Instant cutAt = Instant.now();
            proxy.cut();
            probers.forEach(Thread::start);
            AppProcess.sleep(cutSeconds * 1000L);
            probing.set(false);
            for (Thread prober : probers) {
                prober.join(30_000);
            }
            proxy.restore();
            Instant restoredAt = Instant.now();

            // health UP again
            Duration upAfter = null;
            while (Instant.now().isBefore(restoredAt.plusSeconds(60))) {
                try {
                    if (rest.get(null, "/actuator/health").status() == 200) {
                        upAfter = Duration.between(restoredAt, Instant.now());
                        break;
                    }
                } catch (UncheckedIOException e) {
                    // keep asking
                }
                AppProcess.sleep(250);
            }
            load.join(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));

            // probe starts that the server acknowledged during the cut count as acknowledged starts, and are finished too
            for (Probe p : probes) {
                if (p.what().equals("start") && p.status() == 200) {
                    String id = RestClient.JSON.readTree(p.body()).path("id").asText();
                    workload.acknowledgedStarts.put(id, "whistle-dispatch");
                    workload.drive(id);
                }
            }

            Map<String, Integer> firings;
            Instant timersDeadline = Instant.now().plusSeconds(90);
            try (Connection jdbc = db.connect()) {
                do {
                    firings = Timers.firings(jdbc);
                    if (firings.values().stream().allMatch(n -> n >= 1)) {
                        break;
                    }
                    AppProcess.sleep(500);
                } while (Instant.now().isBefore(timersDeadline));
            }
            Consistency result = Consistency.check(db, workload, rest, true);

            Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
            for (Probe p : probes) {
                statuses.computeIfAbsent(p.what(), w -> new TreeMap<>()).merge(p.status(), 1, Integer::sum);
            }
            String report = String.format("DatabaseCutTest: cut %d s at %s, probes %s, health UP %s after the restore, "
                    + "proxy connections refused during the cut %d; timers %d fired %s; workload transient failures %s, errors %d; %s",
                    cutSeconds, cutAt, statuses, upAfter, proxy.refused.get(), timers,
                    firings.values().stream().collect(java.util.stream.Collectors.groupingBy(n -> n, TreeMap::new,
                            java.util.stream.Collectors.counting())), workload.failedStatuses, workload.errors.size(), result);
            System.out.println(report);
            java.nio.file.Files.writeString(AppProcess.DIR.resolve("cut-report.txt"), report + "\n");

            assertThat(probes.stream().filter(p -> p.what().equals("health")).map(Probe::status))
                    .as("health during the cut").contains(503);
            for (Probe p : probes) {
                assertThat(p.status()).as(p.toString()).isNotIn(0, 500);
                assertThat(p.body()).as(p.toString()).doesNotContain("Exception", "at org.", "at java.", "Hikari", "SQL");
                if (p.what().equals("health")) {
                    assertThat(p.status()).as(p.toString()).isIn(200, 503);
                    continue;
                }
                if (p.status() >= 300) {
                    assertThat(p.status()).as(p.toString()).isEqualTo(503);
                    assertThat(p.retryAfter()).as(p.toString()).isEqualTo("10");
                    assertThat(p.body()).as(p.toString()).contains(MESSAGE);
                }
            }
            assertThat(probes.stream().filter(p -> !p.what().equals("health")).map(Probe::status))
                    .as("requests during the cut").contains(503);
            assertThat(upAfter).as("health UP again within 60 s of the restore").isNotNull();
            assertThat(firings).as("timers fired once each").hasSize(timers).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
            assertThat(workload.errors).as("answers other than success or 503").isEmpty();
            assertThat(workload.finishedCases.get()).isEqualTo(cases);
            assertThat(result.lostStarts).as("lost starts").isZero();
            assertThat(result.duplicatedCases).as("duplicated cases").isZero();
            assertThat(result.lostCompletions).as("lost completions").isZero();
            assertThat(result.unfinished).as("unfinished or stuck cases").isZero();
            assertThat(result.incidents).as("incidents").isZero();
            assertThat(result.orphanRows).as("orphan rows").isZero();
            assertThat(result.missingRows).as("cases missing in our tables").isZero();
            assertThat(result.brokenChains).as("broken audit chains").isZero();
        }
    }

    private static void probe(List<Probe> probes, String what, java.util.function.Supplier<RestClient.Response> call) {
        try {
            RestClient.Response r = call.get();
            probes.add(new Probe(what, r.status(), r.headers().firstValue("Retry-After").orElse(null), r.body()));
        } catch (UncheckedIOException e) {
            probes.add(new Probe(what, 0, null, e.toString()));
        }
    }
}
