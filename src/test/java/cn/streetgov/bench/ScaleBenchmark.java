package cn.streetgov.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.test.Http;
import cn.streetgov.test.TestProfiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pages at scale: the database filled with {@code bench.scale.activities} historic activity
 * instances (finished whistle cases as consistent rows, {@link HistoryCloner}: engine history, case
 * index, done steps, case record, audit trail and whistle records of each case) and
 * {@code bench.scale.tasks} open tasks of one street (standalone tasks through the engine API with the
 * street office's candidate group, so that the engine writes each task's authorization row as for a
 * real one), beside real cases run end to end over REST; then each page timed over HTTP as the demo
 * user who reads it, after a warm-up: the official's task list as Tasklist asks for it (at the first
 * {@code bench.scale.firstTasks} tasks and again at all of them), 已办, one real case's audit trail and
 * record, the public catalog, the whistle figures and the assessment results. Writes the section
 * {@code 20-scale} of {@code target/bench/report.md}.
 * <p>
 * {@code ./mvnw verify -Pbench[,mariadb] -Dtest=ScaleBenchmark}; {@code -Dbench.smoke=true} is the short run
 * (about 20,000 activity instances, 300 tasks).
 */
@BenchmarkedApplication
@Import(ThroughputBenchmark.Counting.class)
class ScaleBenchmark {

    static final boolean SMOKE = Boolean.getBoolean("bench.smoke");
    static final int ACTIVITIES = Integer.getInteger("bench.scale.activities", SMOKE ? 20_000 : 1_000_000);
    static final int TASKS = Integer.getInteger("bench.scale.tasks", SMOKE ? 300 : 10_000);
    static final int FIRST_TASKS = Math.min(TASKS, Integer.getInteger("bench.scale.firstTasks", SMOKE ? 100 : 1_000));
    static final int SAMPLES = Integer.getInteger("bench.scale.samples", SMOKE ? 10 : 30);
    static final int WARM_UP = SMOKE ? 3 : 10;
    /** A page slower than this stops being sampled once it has 5 timed requests (a 12 s task list would take hours). */
    static final double BUDGET_SECONDS = Double.parseDouble(System.getProperty("bench.scale.budgetSeconds", SMOKE ? "20" : "60"));
    static final String OFFICIAL = "s01-off";
    static final String STREET_GROUP = "street-office-S01";
    /** What Tasklist 7.24 posts to {@code /filter/{id}/list} for the first page of a filter. */
    static final String TASKLIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"orQueries\":[],\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Row> rows = new ArrayList<>();
    private int openTasks;

    record Row(String page, String user, String scale, double p50, double p95, double p99, double statements,
            String target, Double limitMs) {
        String met() {
            return limitMs == null ? "—" : p99 < limitMs ? "met" : "**missed**";
        }
    }

    @Test
    void pagesWithAMillionHistoricActivitiesAndTenThousandOpenTasks() throws Exception {
        String period = String.valueOf(CaseClock.year());
        // --- real cases, end to end ---
        String whistle = runWhistle("小区门口占道经营，夜间噪音扰民（基准测试）");
        runWhistle("共享单车乱停放，堵塞消防通道（基准测试）");
        String campaign = startCampaign(period);

        // --- history: copies of the real, finished whistle case ---
        HistoryCloner cloner = new HistoryCloner(dataSource).template(whistle);
        int perCase = cloner.activityInstancesPerCase();
        int copies = (ACTIVITIES + perCase - 1) / perCase;
        // the copies spread over the 300 days before the case (the same year: the figures' period)
        long spacing = Math.max(1_000L, Duration.ofDays(Math.min(300, CaseClock.today().getDayOfYear() - 2)).toMillis() / copies);
        long t0 = System.nanoTime();
        cloner.insert(copies, spacing, SMOKE ? 100 : 500);
        double generationSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "bench: %d copies of %d activity instances in %.1f s%n", copies, perCase, generationSeconds);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "case_index", "case_index_done",
                "case_decision", "audit_record", "whistle_case", "whistle_summons")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }

        // --- open tasks of one street, in two steps ---
        String filterId = filterId();
        t0 = System.nanoTime();
        addOpenTasks(FIRST_TASKS);
        double firstTasksSeconds = (System.nanoTime() - t0) / 1e9;
        measureTaskList(filterId, null);
        // --- the other pages ---
        String scale = String.format(Locale.ROOT, "%,d act. inst.", counts.get("ACT_HI_ACTINST"));
        time("audit trail of one case `GET /api/audit/{id}`", "auditor", scale, "< 50 ms", 50.0,
                () -> get("auditor", "/api/audit/" + whistle));
        time("case record `GET /api/cases/{id}/record`", OFFICIAL, scale, "—", null,
                () -> get(OFFICIAL, "/api/cases/" + whistle + "/record"));
        time("已办 `GET /api/cases/done` (first page)", OFFICIAL, scale + ", " + String.format(Locale.ROOT, "%,d",
                jdbc.queryForObject("select count(*) from case_index_done where user_id = ?", Long.class, OFFICIAL))
                + " done by the user", "—", null, () -> get(OFFICIAL, "/api/cases/done?page=0&size=20"));
        time("public catalog `GET /api/catalog`", "(anonymous)", "demo catalog", "—", null, () -> get(null, "/api/catalog"));
        time("whistle figures `GET /api/whistles/metrics?period=" + period + "`", "kaohe",
                String.format(Locale.ROOT, "%,d summons", counts.get("whistle_summons")), "< 200 ms", 200.0,
                () -> get("kaohe", "/api/whistles/metrics?period=" + period));
        time("assessment results `GET /api/assessments?period=" + period + "`", "kaohe",
                jdbc.queryForObject("select count(*) from assessment_case", Long.class) + " assessment cases", "< 200 ms", 200.0,
                () -> get("kaohe", "/api/assessments?period=" + period));

        t0 = System.nanoTime();
        addOpenTasks(TASKS - FIRST_TASKS);
        double tasksSeconds = firstTasksSeconds + (System.nanoTime() - t0) / 1e9;
        long authorizations = jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = 7", Long.class);
        measureTaskList(filterId, 100.0);

        // --- does an index on the authorization rows help the task list? (measured, then removed) ---
        jdbc.execute("create index ix_bench_auth_type_group on ACT_RU_AUTHORIZATION (RESOURCE_TYPE_, GROUP_ID_, RESOURCE_ID_)");
        try {
            measureTaskList(filterId, 100.0, " + index (RESOURCE_TYPE_, GROUP_ID_, RESOURCE_ID_)", false);
        } finally {
            jdbc.execute(TestProfiles.onMariaDb() ? "drop index ix_bench_auth_type_group on ACT_RU_AUTHORIZATION"
                    : "drop index ix_bench_auth_type_group");
        }

        BenchReport.section("20-scale", report(copies, perCase, generationSeconds, cloner.rowsPerCase(), counts, tasksSeconds,
                authorizations, campaign));
        assertThat(counts.get("ACT_HI_ACTINST")).isGreaterThanOrEqualTo(ACTIVITIES);
        assertThat(openTasks).isEqualTo(TASKS);
    }

    // --- the real cases ---

    private String runWhistle(String summary) {
        String instance = WhistleRun.run(port, summary);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance)
                .finished().count()).as("whistle %s finished", instance).isEqualTo(1);
        return instance;
    }

    /** 区考核办 opens the period's assessment (every street × agency); the jobs that open the pairs' cases are run here. */
    private String startCampaign(String period) {
        Http.Response started = Http.as(port, "kaohe").postJson(
                "/engine-rest/process-definition/key/agency-assessment/submit-form",
                Map.of("variables", Map.of("period", Map.of("value", period))));
        if (started.status() != 200) {
            return "not started (" + started.status() + ": " + started.body() + ")";
        }
        for (int round = 0; round < 30; round++) {
            List<Job> due = engine.getManagementService().createJobQuery().executable().list();
            if (due.isEmpty()) {
                break;
            }
            due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        return started.json().path("businessKey").asText();
    }

    // --- open tasks ---

    private void addOpenTasks(int count) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        int batch = 250;
        for (int from = 0; from < count; from += batch) {
            int n = Math.min(batch, count - from);
            tx.executeWithoutResult(status -> {
                for (int i = 0; i < n; i++) {
                    Task task = engine.getTaskService().newTask();
                    task.setName("核查群众反映问题（基准测试 " + (++openTasks) + "）");
                    task.setDueDate(CaseClock.inDays(3));
                    engine.getTaskService().saveTask(task);
                    engine.getTaskService().addCandidateGroup(task.getId(), STREET_GROUP);
                }
            });
        }
    }

    private String filterId() throws Exception {
        Http.Response filters = Http.as(port, OFFICIAL).get("/engine-rest/filter?resourceType=Task&name="
                + URLEncoder.encode("本单位待办", StandardCharsets.UTF_8));
        assertThat(filters.status()).as(filters.body()).isEqualTo(200);
        return filters.json().get(0).get("id").asText();
    }

    private void measureTaskList(String filterId, Double limit) throws Exception {
        measureTaskList(filterId, limit, "", true);
    }

    private void measureTaskList(String filterId, Double limit, String note, boolean all) throws Exception {
        String scale = String.format(Locale.ROOT, "%,d open tasks%s", openTasks, note);
        String target = limit == null ? "(at 1,000: for the growth)" : "p99 < 100 ms";
        time("task list 本单位待办 as Tasklist asks (`POST /engine-rest/filter/{id}/list`, first 15, hal+json)", OFFICIAL, scale,
                target, limit, () -> send(OFFICIAL, "POST", "/engine-rest/filter/" + filterId
                        + "/list?firstResult=0&maxResults=15", TASKLIST_BODY, "application/hal+json"));
        if (!all) {
            return;
        }
        time("task list `GET /engine-rest/task?candidateGroups=…&includeAssignedTasks=true` (first 15)", OFFICIAL, scale,
                target, limit, () -> get(OFFICIAL, "/engine-rest/task?candidateGroups=" + STREET_GROUP
                        + "&includeAssignedTasks=true&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15"));
        time("task count `GET /engine-rest/filter/{id}/count`", OFFICIAL, scale, "—", null,
                () -> get(OFFICIAL, "/engine-rest/filter/" + filterId + "/count"));
    }

    // --- timing over HTTP ---

    interface Call {
        HttpResponse<String> call() throws Exception;
    }

    private void time(String page, String user, String scale, String target, Double limit, Call call) throws Exception {
        long budget = System.nanoTime() + (long) (BUDGET_SECONDS * 1e9);
        for (int i = 0; i < WARM_UP && (i < 1 || System.nanoTime() < budget); i++) {
            check(page, call.call());
        }
        budget = System.nanoTime() + (long) (BUDGET_SECONDS * 1e9);
        double[] ms = new double[SAMPLES];
        long statements = 0;
        int taken = 0;
        for (int i = 0; i < SAMPLES && (i < 5 || System.nanoTime() < budget); i++) {
            taken++;
            long before = ThroughputBenchmark.OURS_SQL.count();
            long t0 = System.nanoTime();
            HttpResponse<String> response = call.call();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            statements += ThroughputBenchmark.OURS_SQL.count() - before;
            check(page, response);
        }
        ms = Arrays.copyOf(ms, taken);
        Arrays.sort(ms);
        Row row = new Row(page, user, scale + (taken < SAMPLES ? " (" + taken + " requests: time budget)" : ""), percentile(ms, 50), percentile(ms, 95), percentile(ms, 99),
                (double) statements / taken, target, limit);
        rows.add(row);
        System.out.printf(Locale.ROOT, "bench: %-60s %-30s p50 %7.1f p95 %7.1f p99 %7.1f ms, %.1f statements%n",
                page, scale, row.p50(), row.p95(), row.p99(), row.statements());
    }

    private static void check(String page, HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s: %s", page, response.body()).isEqualTo(200);
    }

    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return send(user, "GET", path, null, "application/json");
    }

    private HttpResponse<String> send(String user, String method, String path, String body, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    // --- the report ---

    private String report(int copies, int perCase, double generationSeconds, Map<String, Integer> rowsPerCase,
            Map<String, Long> counts, double tasksSeconds, long authorizations, String campaign) {
        StringBuilder md = new StringBuilder("\n## Scale (ScaleBenchmark)\n\n");
        md.append(String.format(Locale.ROOT, "Database: %s. History: %,d copies of a real, finished whistle case "
                + "(%d activity instances each) inserted as consistent rows with JDBC batches in **%.1f s**; "
                + "the copies' times spread over the months before it. Open tasks: %,d standalone tasks created through "
                + "the engine API (in transactions of 250) with the candidate group `%s`, so that the engine writes each "
                + "task's authorization row as for a task of a case (%,d task authorization rows), in %.1f s. Real cases "
                + "beside them: two whistle cases run to their end over REST as the demo users, and the assessment "
                + "campaign %s (its 12 pairs opened). Every request over HTTP as the user named, %d warm-up requests, "
                + "then %d timed one after another; SQL statements counted at the pool.%n%n",
                TestProfiles.onMariaDb() ? "MariaDB" : "H2 in memory", copies, perCase, generationSeconds, openTasks,
                STREET_GROUP, authorizations, tasksSeconds, campaign, WARM_UP, SAMPLES));
        md.append("| table | rows per copy | rows in the database |\n|---|---|---|\n");
        rowsPerCase.forEach((table, n) -> md.append("| ").append(table).append(" | ").append(n).append(" | ")
                .append(counts.containsKey(table) ? String.format(Locale.ROOT, "%,d", counts.get(table)) : "").append(" |\n"));
        md.append("\n| page | as | scale | p50 ms | p95 ms | p99 ms | SQL / request | target | |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %.1f | %.1f | %s | %s |%n", r.page(), r.user(),
                    r.scale(), r.p50(), r.p95(), r.p99(), r.statements(), r.target(), r.met()));
        }
        return md.toString();
    }
}
