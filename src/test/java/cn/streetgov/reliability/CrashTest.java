package cn.streetgov.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Crash: the application as its own JVM on MariaDB, several clients starting and finishing mixed
 * cases, {@code kill -9} of the JVM in the middle of the load (several times), a restart each time,
 * and every case finished afterwards. Nothing the server acknowledged is lost or doubled, our tables
 * and the engine agree, every audit chain verifies.
 * <p>{@code -Dreliability.cases} (150), {@code -Dreliability.kills} (2), {@code -Dreliability.clients} (6).
 */
class CrashTest {

    static final int PORT = Integer.getInteger("reliability.crash.port", 18101);

    @Test
    void killedUnderLoadAndRestartedLosesAndDoublesNothing() throws Exception {
        int cases = Integer.getInteger("reliability.cases", 150);
        int kills = Integer.getInteger("reliability.kills", 2);
        int clients = Integer.getInteger("reliability.clients", 6);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(Long.getLong("reliability.timeout", 480L + cases)));
        try (TestDatabase db = TestDatabase.create("crash"); AppProcess app = new AppProcess("crash", PORT, db.applicationUrl())) {
            app.start(Duration.ofMinutes(4));
            List<Duration> startups = new ArrayList<>(List.of(app.lastStartup));
            Workload workload = new Workload(app::rest, cases, clients, deadline);
            Instant begun = Instant.now();
            Thread load = workload.startInBackground("crash-load");

            // kill -9 when 1/(kills+1), 2/(kills+1), … of the expected completions (about 5 a case) are in
            long expected = 5L * cases;
            for (int k = 1; k <= kills; k++) {
                long target = expected * k / (kills + 1);
                while (workload.acknowledgedCompletions.size() < target && load.isAlive() && Instant.now().isBefore(deadline)) {
                    AppProcess.sleep(100);
                }
                System.out.printf("CrashTest: kill -9 #%d after %d acknowledged starts, %d completions%n", k,
                        workload.acknowledgedStarts.size(), workload.acknowledgedCompletions.size());
                app.kill();
                AppProcess.sleep(1000);
                app.start(Duration.ofMinutes(4));
                startups.add(app.lastStartup);
            }
            load.join(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
            Duration loadTime = Duration.between(begun, Instant.now());

            // starts saved by the server whose answer the kill swallowed: finish them as well
            List<String> leftovers = new ArrayList<>();
            try (Connection jdbc = db.connect(); Statement s = jdbc.createStatement(); ResultSet rs = s.executeQuery(
                    "select ID_ from ACT_HI_PROCINST where END_TIME_ is null and PROC_DEF_KEY_ in ('whistle-dispatch','power-delegation')")) {
                while (rs.next()) {
                    leftovers.add(rs.getString(1));
                }
            }
            for (String id : leftovers) {
                workload.drive(id);
            }

            Consistency result = Consistency.check(db, workload, app.rest(), true);
            String report = String.format("CrashTest: %d cases, %d clients, %d kills, load %d s, start-ups %s, "
                    + "transient failures %d %s, errors %d; %s", cases, clients, kills, loadTime.toSeconds(), startups,
                    workload.transientFailures.get(), workload.failedStatuses, workload.errors.size(), result);
            System.out.println(report);
            java.nio.file.Files.writeString(AppProcess.DIR.resolve("crash-report.txt"), report + "\n");

            assertThat(workload.errors).as("answers other than success or a transient failure").isEmpty();
            assertThat(workload.acknowledgedStarts).hasSizeGreaterThanOrEqualTo(cases);
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
}
