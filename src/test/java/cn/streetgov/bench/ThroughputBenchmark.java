package cn.streetgov.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.bench.Load.Client;
import cn.streetgov.bench.Load.Op;
import cn.streetgov.bench.Load.Result;
import cn.streetgov.bench.Load.Side;
import cn.streetgov.bench.Load.Step;
import cn.streetgov.test.Http;
import cn.streetgov.test.StartVariables;
import cn.streetgov.test.TestProfiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ours against the bare engine, in one run: power delegation's case (two streets' capacity reviews
 * in parallel with the legal review, then staffing, then the district government's decision) driven
 * as the demo users drive it — start, list the case's tasks, claim, complete — at the engine level
 * (Java API, as the user with the user's groups) and at the REST level ({@code /engine-rest}, HTTP
 * Basic as the demo users; the bare server without security), after a warm-up, with 1, 4 and 16
 * clients, the sides interleaved at each level. The bare side ({@link BareCamundaServer}) runs the
 * same shape without forms, listeners or delegates on Camunda's default settings, on a database of
 * its own on the same server. With one client every request's SQL statements are counted
 * ({@link StatementCounter}). Writes its section of {@code target/bench/report.md}.
 * <p>
 * {@code ./mvnw verify -Pbench [-Pmariadb]}; {@code -Dbench.smoke=true} is the seconds-long run CI makes;
 * {@code -Dbench.seconds}, {@code -Dbench.rounds} change the length of each run and the number of pairs;
 * {@code -Dbench.workflows=delegation,whistle,consult} chooses the workflows.
 */
@BenchmarkedApplication
@Import(ThroughputBenchmark.Counting.class)
class ThroughputBenchmark {

    static final StatementCounter OURS_SQL = new StatementCounter();
    static final boolean SMOKE = Boolean.getBoolean("bench.smoke");
    static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", SMOKE ? "2" : "20"));
    static final int ROUNDS = Integer.getInteger("bench.rounds", SMOKE ? 1 : 3);
    static final int[] CLIENTS = SMOKE ? new int[] {1, 4} : new int[] {1, 4, 16};

    /** Counts the SQL statements of our application's pool. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {
        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && "dataSource".equals(name) ? OURS_SQL.wrap(ds) : bean;
                }
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.core.env.Environment env;

    @Test
    void oursAgainstTheBareEngineAtTheEngineAndTheRestLevel() throws Exception {
        String bareUrl = bareDatabase();
        try (BareCamundaServer.Running bare = BareCamundaServer.start(bareUrl, env.getProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password", ""))) {
            StringBuilder report = new StringBuilder();
            List<Result> all = new ArrayList<>();
            List<String> chosen = List.of(System.getProperty("bench.workflows", "delegation,whistle,consult").split(","));
            for (Workflow workflow : workflows().stream().filter(w -> chosen.contains(w.id())).toList()) {
                List<Side[]> pairs = List.of(
                        new Side[] {oursEngine(workflow), bareEngine(bare, workflow)},
                        new Side[] {oursRest(workflow), bareRest(bare, workflow)});
                Map<String, List<Result>> results = new LinkedHashMap<>();
                for (Side[] pair : pairs) {
                    for (Side side : pair) {
                        Load.run(side, 2, SMOKE ? 1 : 10); // warm-up: JIT, caches, pools
                    }
                    for (int clients : CLIENTS) {
                        for (int round = 0; round < ROUNDS; round++) {
                            for (Side side : pair) {
                                Result result = Load.run(side, clients, SECONDS);
                                System.out.printf(Locale.ROOT, "bench: %-10s %-12s %2d clients  %6.1f tasks/s  complete p99 %6.1f ms  errors %d%n",
                                        workflow.id(), side.label(), clients, result.tasksPerSecond(),
                                        result.percentile(Op.COMPLETE, 99), result.errors());
                                results.computeIfAbsent(side.label() + "@" + clients, k -> new ArrayList<>()).add(result);
                                all.add(result);
                            }
                        }
                    }
                }
                report.append(ThroughputReport.markdown(workflow.title(), workflow.description(), workflow.completions(),
                        results, CLIENTS, SECONDS, ROUNDS, TestProfiles.onMariaDb()));
            }
            BenchReport.section("10-throughput", "\n## Throughput: ours against the bare engine\n" + report);
            all.forEach(r -> {
                assertThat(r.errors()).as("errors of %s at %d clients", r.side(), r.clients()).isZero();
                assertThat(r.cases()).as("cases of %s at %d clients", r.side(), r.clients()).isPositive();
            });
        } finally {
            dropBareDatabase(bareUrl);
        }
    }

    // --- the cases as the demo users run them, on each side ---

    /**
     * A workflow's case as the benchmark runs it: who starts it with which variables (the engine's
     * values, and over REST typed as a form submits them; {@code json} names the variables a form sends
     * as JSON lists and the bare model iterates), and the steps after the start.
     */
    record Workflow(String id, String title, String description, String oursKey, String bareKey, String starter,
            java.util.function.IntFunction<Map<String, Object>> start, Map<String, String> json,
            Map<String, String> bareJson, List<List<Step>> steps) {

        int completions() {
            return steps.stream().mapToInt(List::size).sum();
        }

        Map<String, Object> engineStart(int n, boolean bare) {
            Map<String, Object> vars = new HashMap<>(start.apply(n));
            if (bare) {
                bareJson.forEach((name, value) -> vars.put(name, SpinValues.jsonValue(value).create()));
            }
            return vars;
        }

        Map<String, Object> restStart(int n, boolean bare) {
            Map<String, Object> vars = new LinkedHashMap<>();
            start.apply(n).forEach((k, v) -> vars.put(k, typed(v)));
            json.forEach((name, value) -> vars.put(name, Map.of("value", value, "type", "Json")));
            if (bare) {
                bareJson.forEach((name, value) -> vars.put(name, Map.of("value", value, "type", "Json")));
            }
            return vars;
        }
    }

    static Map<String, Object> typed(Object v) {
        String type = v instanceof Boolean ? "Boolean" : v instanceof Integer ? "Integer" : v instanceof Long ? "Long" : "String";
        return Map.of("value", v, "type", type);
    }

    static final java.util.concurrent.atomic.AtomicInteger WHISTLES = new java.util.concurrent.atomic.AtomicInteger();

    /** The workflows driven, built when the application (and its clock) is up. */
    static List<Workflow> workflows() {
        return List.of(
            new Workflow("delegation", "赋权下放审批 power delegation",
                    "5 completions: two streets' capacity reviews ∥ legal review, staffing, the district government's "
                            + "decision — not approved, so that no case publishes the powers another already published",
                    "power-delegation", "bare-power-delegation", "cgzf-off",
                    n -> StartVariables.delegation("CGZF", "CGZF-QT-001,CGZF-JC-001", "S02,S03"),
                    Map.of("powerItemCodes", "[\"CGZF-QT-001\",\"CGZF-JC-001\"]", "targetOrgCodes", "[\"S02\",\"S03\"]"),
                    Map.of("targetOrgCodes", "[\"S02\",\"S03\"]"),
                    List.of(
                            List.of(new Step("s02-off", "street-office-S02", Map.of("capacityDecision", "ACCEPT")),
                                    new Step("s03-off", "street-office-S03", Map.of("capacityDecision", "ACCEPT")),
                                    new Step("legal", "legal-review", Map.of("legalDecision", "LAWFUL"))),
                            List.of(new Step("bianban", "bianban", Map.of("staffingDecision", "APPROVE"))),
                            List.of(new Step("govt", "district-government", Map.of("finalDecision", "REJECT",
                                    "finalComment", "本轮不予批准（基准测试）"))))),
            new Workflow("whistle", "街道吹哨、部门报到 whistle dispatch",
                    "5 completions: the police station in the street and the health department (no agency in the street) "
                            + "report ∥, then the street handles jointly, confirms the result and visits the resident",
                    "whistle-dispatch", "bare-whistle-dispatch", "s01-off",
                    n -> StartVariables.whistle("S01", "GA,WJ", "NORMAL", "基准测试：占道堆放杂物 #" + n, "幸福路 " + n + " 号"),
                    Map.of(), Map.of("reportGroups", "[\"agency-S01-GA\",\"dept-WJ\"]"),
                    List.of(
                            List.of(new Step("s01-ga-head", "agency-S01-GA", Map.of("reportNote", "派出所民警已到场")),
                                    new Step("wj-off", "dept-WJ", Map.of("reportNote", "卫健局已派人"))),
                            List.of(new Step("s01-off", "street-office-S01", Map.of("handlingNote", "联合清理完毕"))),
                            List.of(new Step("s01-off", "street-office-S01", Map.of("resolved", true))),
                            List.of(new Step("s01-off", "street-office-S01", Map.of("satisfaction", 4))))),
            new Workflow("consult", "派驻机构负责人任免征求意见 appointment consultation",
                    "2 completions: 公安分局 proposes a new head of 东华派出所 (consent mode, section level); the street's "
                            + "committee agrees after its meeting; the department withdraws (an approval would change the agency's head, which the "
                            + "concurrent cases of one agency would contest)",
                    "cadre-consultation", "bare-cadre-consultation", "ga-off",
                    n -> cn.streetgov.appointment.process.ConsultationTestData.appointment("基准候选人" + n),
                    Map.of(), Map.of(),
                    List.of(
                            List.of(new Step("s01-sec", "street-committee-S01", Map.of("streetOpinion", "AGREE",
                                    "meetingDate", cn.streetgov.casework.CaseClock.today().toString()))),
                            // withdrawn: an approval changes the agency's head, which concurrent cases of one agency would contest
                            List.of(new Step("ga-off", "dept-GA", Map.of("deptDecision", "WITHDRAW",
                                    "deptComment", "基准测试：不再任免"))))));
    }

    private Side oursEngine(Workflow workflow) {
        Map<String, List<String>> groups = new ConcurrentHashMap<>();
        return side("ours engine", OURS_SQL, workflow, () -> new Client() {
            @Override
            public String start() {
                return as(workflow.starter(), groups, () -> engine.getRuntimeService().startProcessInstanceByKey(
                        workflow.oursKey(), workflow.engineStart(WHISTLES.incrementAndGet(), false)).getId());
            }

            @Override
            public List<String> tasks(String instance, Step step) {
                return as(step.user(), groups, () -> engine.getTaskService().createTaskQuery()
                        .processInstanceId(instance).list().stream().map(Task::getId).toList());
            }

            @Override
            public void claim(String taskId, Step step) {
                as(step.user(), groups, () -> {
                    engine.getTaskService().claim(taskId, step.user());
                    return null;
                });
            }

            @Override
            public void complete(String taskId, Step step) {
                as(step.user(), groups, () -> {
                    engine.getTaskService().complete(taskId, new HashMap<>(step.decision()));
                    return null;
                });
            }
        });
    }

    private <T> T as(String user, Map<String, List<String>> groups, java.util.function.Supplier<T> action) {
        List<String> ids = groups.computeIfAbsent(user, u -> engine.getIdentityService().createGroupQuery()
                .groupMember(u).list().stream().map(Group::getId).toList());
        engine.getIdentityService().setAuthentication(user, ids);
        try {
            return action.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static Side bareEngine(BareCamundaServer.Running bare, Workflow workflow) {
        ProcessEngine engine = bare.engine();
        return side("bare engine", bare.sql(), workflow, () -> new Client() {
            @Override
            public String start() {
                return engine.getRuntimeService().startProcessInstanceByKey(workflow.bareKey(),
                        workflow.engineStart(WHISTLES.incrementAndGet(), true)).getId();
            }

            @Override
            public List<String> tasks(String instance, Step step) {
                return engine.getTaskService().createTaskQuery().processInstanceId(instance)
                        .taskCandidateGroup(step.group()).list().stream().map(Task::getId).toList();
            }

            @Override
            public void claim(String taskId, Step step) {
                engine.getTaskService().claim(taskId, step.user());
            }

            @Override
            public void complete(String taskId, Step step) {
                engine.getTaskService().complete(taskId, new HashMap<>(step.decision()));
            }
        });
    }

    private Side oursRest(Workflow workflow) {
        return side("ours REST", OURS_SQL, workflow, () -> new RestClient(port, "/engine-rest", true, workflow, false));
    }

    private static Side bareRest(BareCamundaServer.Running bare, Workflow workflow) {
        return side("bare REST", bare.sql(), workflow, () -> new RestClient(bare.port(),
                "/engine-rest/engine/" + BareCamundaServer.ENGINE, false, workflow, true));
    }

    /** Tasklist's calls over REST: as the demo users (ours), or anonymously with the user's group (bare). */
    static final class RestClient implements Client {
        private final int port;
        private final String base;
        private final boolean login;
        private final Workflow workflow;
        private final boolean bare;
        private final Map<String, Http> users = new HashMap<>();

        RestClient(int port, String base, boolean login, Workflow workflow, boolean bare) {
            this.port = port;
            this.base = base;
            this.login = login;
            this.workflow = workflow;
            this.bare = bare;
        }

        private Http http(String user) {
            return users.computeIfAbsent(login ? user : "", u -> login ? Http.as(port, u) : Http.anonymous(port));
        }

        @Override
        public String start() {
            Http.Response response = http(workflow.starter()).postJson(base + "/process-definition/key/"
                    + (bare ? workflow.bareKey() : workflow.oursKey()) + "/start",
                    Map.of("variables", workflow.restStart(WHISTLES.incrementAndGet(), bare)));
            return ok(response, 200).json().get("id").asText();
        }

        @Override
        public List<String> tasks(String instance, Step step) {
            String query = "/task?processInstanceId=" + instance + (login ? "" : "&candidateGroup=" + step.group());
            List<String> ids = new ArrayList<>();
            for (JsonNode task : ok(http(step.user()).get(base + query), 200).json()) {
                ids.add(task.get("id").asText());
            }
            return ids;
        }

        @Override
        public void claim(String taskId, Step step) {
            ok(http(step.user()).postJson(base + "/task/" + taskId + "/claim", Map.of("userId", step.user())), 204);
        }

        @Override
        public void complete(String taskId, Step step) {
            Map<String, Object> vars = new LinkedHashMap<>();
            step.decision().forEach((k, v) -> vars.put(k, typed(v)));
            ok(http(step.user()).postJson(base + "/task/" + taskId + "/complete", Map.of("variables", vars)), 204);
        }

        private static Http.Response ok(Http.Response response, int status) {
            if (response.status() != status) {
                throw new IllegalStateException("HTTP " + response.status() + ": " + response.body());
            }
            return response;
        }
    }

    private static Side side(String label, StatementCounter sql, Workflow workflow,
            java.util.function.Supplier<Client> clients) {
        return new Side() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public Client client() {
                return clients.get();
            }

            @Override
            public List<List<Step>> steps() {
                return workflow.steps();
            }

            @Override
            public StatementCounter sql() {
                return sql;
            }
        };
    }

    // --- the bare server's database: beside ours, on the same server ---

    private String bareDatabase() throws Exception {
        if (!TestProfiles.onMariaDb()) {
            return "jdbc:h2:mem:bench-bare;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        }
        String ours = env.getProperty("spring.datasource.url");
        String name = databaseName(ours) + "_bare";
        try (Connection c = DriverManager.getConnection(serverUrl(ours), env.getProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password", ""))) {
            c.createStatement().execute("create database if not exists `" + name + "` character set utf8mb4");
        }
        return ours.replaceFirst("/" + databaseName(ours) + "(\\?|$)", "/" + name + "$1");
    }

    private void dropBareDatabase(String url) throws Exception {
        if (TestProfiles.onMariaDb()) {
            try (Connection c = DriverManager.getConnection(serverUrl(url), env.getProperty("spring.datasource.username"),
                    env.getProperty("spring.datasource.password", ""))) {
                c.createStatement().execute("drop database if exists `" + databaseName(url) + "`");
            }
        }
    }

    private static String databaseName(String url) {
        return url.replaceFirst("^jdbc:mariadb://[^/]+/", "").replaceFirst("\\?.*$", "");
    }

    private static String serverUrl(String url) {
        return url.replaceFirst("^(jdbc:mariadb://[^/]+/)[^?]*", "$1");
    }
}
