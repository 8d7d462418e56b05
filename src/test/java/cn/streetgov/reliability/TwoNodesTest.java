package cn.streetgov.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one MariaDB database, both job executors on: a deployment made on one node is used by
 * both (instances started on either, jobs run by either); short timers fire exactly once each; a
 * task completed on one node is gone on the other.
 * <p>{@code -Dreliability.timers} (200; the figure is 2,000).
 */
class TwoNodesTest {

    static final int PORT_A = Integer.getInteger("reliability.nodes.port", 18121);
    static final int PORT_B = PORT_A + 1;
    static final String MAX_WAIT = "--camunda.bpm.job-execution.max-wait=2000";

    @Test
    void twoNodesFireEachTimerOnceAndSeeEachOthersWork() throws Exception {
        int timers = Integer.getInteger("reliability.timers", 200);
        try (TestDatabase db = TestDatabase.create("nodes");
             // an idle job executor waits ever longer between acquisitions, up to max-wait (60 s by default): a
             // node idle since its start would sleep through a short test while the other fires every timer
             AppProcess a = new AppProcess("node-a", PORT_A, db.applicationUrl()).arg(MAX_WAIT);
             AppProcess b = new AppProcess("node-b", PORT_B, db.applicationUrl()).arg(MAX_WAIT)) {
            a.start(Duration.ofMinutes(4));
            b.start(Duration.ofMinutes(4));
            RestClient restA = a.rest();
            RestClient restB = b.rest();

            // a task completed on one node is gone on the other
            RestClient.Response started = restA.post("s01-off", "/engine-rest/process-definition/key/whistle-dispatch/submit-form",
                    Map.of("variables", Map.of("orgCode", Workload.value("S01", "String"),
                            "summary", Workload.value("两节点测试：占道经营", "String"),
                            "urgency", Workload.value("NORMAL", "String"),
                            "deptCodes", Workload.value("[\"GA\"]", "Json"))));
            assertThat(started.status()).as(started.toString()).isEqualTo(200);
            String instanceId = started.json().path("id").asText();
            JsonNode tasksOnB = restB.get("s01-ga-head", "/engine-rest/task?processInstanceId=" + instanceId).json();
            assertThat(tasksOnB).hasSize(1);
            String taskId = tasksOnB.get(0).path("id").asText();
            assertThat(restA.post("s01-ga-head", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "s01-ga-head"))
                    .status()).isEqualTo(204);
            assertThat(restA.post("s01-ga-head", "/engine-rest/task/" + taskId + "/submit-form",
                    Map.of("variables", Workload.decision("userTask_reportToStreet"))).status()).isEqualTo(204);
            RestClient.Response goneOnB = restB.get("s01-ga-head", "/engine-rest/task/" + taskId);
            assertThat(goneOnB.status()).as(goneOnB.toString()).isEqualTo(404);
            RestClient.Response againOnB = restB.post("s01-ga-head", "/engine-rest/task/" + taskId + "/submit-form",
                    Map.of("variables", Workload.decision("userTask_reportToStreet")));
            // a task another official has dealt with: 409 with the Chinese reason (a task that never existed is 404)
            assertThat(againOnB.status()).as(againOnB.toString()).isEqualTo(409);
            assertThat(againOnB.body()).contains("该任务已被他人处理");
            assertThat(restB.get("s01-off", "/engine-rest/task?processInstanceId=" + instanceId).json().get(0)
                    .path("taskDefinitionKey").asText()).isEqualTo("userTask_handleJointly");

            // one deployment on node A, instances started on both nodes, timers due together after the starts
            Timers.deploy(restA);
            Instant fireAt = Instant.now().plus(Duration.ofSeconds(15 + timers / 20));
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failedStarts = new AtomicInteger();
            List<Thread> starters = new ArrayList<>();
            Instant startBegun = Instant.now();
            for (int t = 0; t < 4; t++) {
                RestClient rest = t % 2 == 0 ? restA : restB;
                Thread starter = new Thread(() -> {
                    while (next.getAndIncrement() < timers) {
                        String id = Timers.start(rest, fireAt);
                        if (id == null) {
                            failedStarts.incrementAndGet();
                        } else {
                            ids.add(id);
                        }
                    }
                });
                starter.start();
                starters.add(starter);
            }
            for (Thread starter : starters) {
                starter.join();
            }
            Duration startTime = Duration.between(startBegun, Instant.now());
            assertThat(failedStarts.get()).as("failed timer starts").isZero();

            Map<String, Integer> firings;
            Instant until = Instant.now().plusSeconds(120 + timers / 5);
            Instant allFired = null;
            try (Connection jdbc = db.connect()) {
                do {
                    firings = Timers.firings(jdbc);
                    if (firings.size() == timers && firings.values().stream().allMatch(n -> n >= 1)) {
                        allFired = Instant.now();
                        break;
                    }
                    AppProcess.sleep(500);
                } while (Instant.now().isBefore(until));
                AppProcess.sleep(3000); // a second firing would show up now
                firings = Timers.firings(jdbc);
                Map<String, Integer> byNode = Timers.firedByNode(jdbc);
                int failedAttempts = Timers.failedAttempts(jdbc);
                List<String> problems = new ArrayList<>();
                int orphans = Consistency.orphanRows(jdbc, problems);
                int incidents = Consistency.count(jdbc, "select count(*) from ACT_RU_INCIDENT");
                String report = String.format("TwoNodesTest: %d timers started in %d s over both nodes, all fired %s s after"
                                + " their due time; firings per instance %s; successful timer jobs per node %s; failed attempts %d;"
                                + " incidents %d, orphan rows %d", timers, startTime.toSeconds(),
                        allFired == null ? "never" : Duration.between(fireAt, allFired).toSeconds(),
                        firings.values().stream().collect(java.util.stream.Collectors.groupingBy(n -> n, TreeMap::new,
                                java.util.stream.Collectors.counting())), byNode, failedAttempts, incidents, orphans);
                System.out.println(report);
                java.nio.file.Files.writeString(AppProcess.DIR.resolve("nodes-report.txt"), report + "\n");

                assertThat(firings).as("every timer instance").hasSize(timers)
                        .allSatisfy((id, n) -> assertThat(n).as("firings of " + id).isEqualTo(1));
                assertThat(byNode.values().stream().mapToInt(Integer::intValue).sum()).as("successful timer jobs").isEqualTo(timers);
                assertThat(byNode).as("both nodes ran timers of the one deployment").containsKeys("node-a", "node-b");
                assertThat(incidents).as("incidents").isZero();
                assertThat(orphans).as("orphan rows: " + problems).isZero();
            }
        }
    }
}
