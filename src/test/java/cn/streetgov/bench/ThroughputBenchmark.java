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
 * {@code -Dbench.seconds}, {@code -Dbench.rounds} change the length of each run and the number of pairs.
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
            List<Side[]> pairs = List.of(
                    new Side[] {oursEngine(), bareEngine(bare)},
                    new Side[] {oursRest(), bareRest(bare)});
            Map<String, List<Result>> results = new LinkedHashMap<>();
            for (Side[] pair : pairs) {
                for (Side side : pair) {
                    Load.run(side, 2, SMOKE ? 1 : 10); // warm-up: JIT, caches, pools
                }
                for (int clients : CLIENTS) {
                    for (int round = 0; round < ROUNDS; round++) {
                        for (Side side : pair) {
                            Result result = Load.run(side, clients, SECONDS);
                            System.out.printf(Locale.ROOT, "bench: %-12s %2d clients  %6.1f tasks/s  complete p99 %6.1f ms  errors %d%n",
                                    side.label(), clients, result.tasksPerSecond(), result.percentile(Op.COMPLETE, 99),
                                    result.errors());
                            results.computeIfAbsent(side.label() + "@" + clients, k -> new ArrayList<>()).add(result);
                        }
                    }
                }
            }
            BenchReport.section("10-throughput", ThroughputReport.markdown(results, CLIENTS, SECONDS, ROUNDS, TestProfiles.onMariaDb()));
            results.values().forEach(list -> list.forEach(r -> {
                assertThat(r.errors()).as("errors of %s at %d clients", r.side(), r.clients()).isZero();
                assertThat(r.cases()).as("cases of %s at %d clients", r.side(), r.clients()).isPositive();
            }));
        } finally {
            dropBareDatabase(bareUrl);
        }
    }

    // --- the case as the demo users run it, on each side ---

    static final List<List<Step>> STEPS = List.of(
            List.of(new Step("s02-off", "street-office-S02", Map.of("capacityDecision", "ACCEPT")),
                    new Step("s03-off", "street-office-S03", Map.of("capacityDecision", "ACCEPT")),
                    new Step("legal", "legal-review", Map.of("legalDecision", "LAWFUL"))),
            List.of(new Step("bianban", "bianban", Map.of("staffingDecision", "APPROVE"))),
            // not approved: an approval would publish the same two powers again, which the catalog holds only once
            List.of(new Step("govt", "district-government", Map.of("finalDecision", "REJECT",
                    "finalComment", "本轮不予批准（基准测试）"))));

    private Side oursEngine() {
        Map<String, List<String>> groups = new ConcurrentHashMap<>();
        return side("ours engine", OURS_SQL, () -> new Client() {
            @Override
            public String start() {
                return as("cgzf-off", groups, () -> engine.getRuntimeService().startProcessInstanceByKey("power-delegation",
                        StartVariables.delegation("CGZF", "CGZF-QT-001,CGZF-JC-001", "S02,S03")).getId());
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

    private static Side bareEngine(BareCamundaServer.Running bare) {
        ProcessEngine engine = bare.engine();
        return side("bare engine", bare.sql(), () -> new Client() {
            @Override
            public String start() {
                Map<String, Object> vars = new HashMap<>(StartVariables.delegation("CGZF", "CGZF-QT-001,CGZF-JC-001", "S02,S03"));
                vars.put("targetOrgCodes", SpinValues.jsonValue("[\"S02\",\"S03\"]").create());
                return engine.getRuntimeService().startProcessInstanceByKey("bare-power-delegation", vars).getId();
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

    private Side oursRest() {
        return side("ours REST", OURS_SQL, () -> new RestClient(port, "/engine-rest", true, "power-delegation"));
    }

    private static Side bareRest(BareCamundaServer.Running bare) {
        return side("bare REST", bare.sql(), () -> new RestClient(bare.port(),
                "/engine-rest/engine/" + BareCamundaServer.ENGINE, false, "bare-power-delegation"));
    }

    /** Tasklist's calls over REST: as the demo users (ours), or anonymously with the user's group (bare). */
    static final class RestClient implements Client {
        private final int port;
        private final String base;
        private final boolean login;
        private final String processKey;
        private final Map<String, Http> users = new HashMap<>();

        RestClient(int port, String base, boolean login, String processKey) {
            this.port = port;
            this.base = base;
            this.login = login;
            this.processKey = processKey;
        }

        private Http http(String user) {
            return users.computeIfAbsent(login ? user : "", u -> login ? Http.as(port, u) : Http.anonymous(port));
        }

        @Override
        public String start() {
            Map<String, Object> vars = new LinkedHashMap<>();
            StartVariables.delegation("CGZF", "CGZF-QT-001,CGZF-JC-001", "S02,S03").forEach((k, v) ->
                    vars.put(k, Map.of("value", v, "type", v instanceof Integer ? "Integer" : "String")));
            vars.put("powerItemCodes", Map.of("value", "[\"CGZF-QT-001\",\"CGZF-JC-001\"]", "type", "Json"));
            vars.put("targetOrgCodes", Map.of("value", "[\"S02\",\"S03\"]", "type", "Json"));
            Http.Response response = http("cgzf-off").postJson(base + "/process-definition/key/" + processKey + "/start",
                    Map.of("variables", vars));
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
            step.decision().forEach((k, v) -> vars.put(k, Map.of("value", v, "type", "String")));
            ok(http(step.user()).postJson(base + "/task/" + taskId + "/complete", Map.of("variables", vars)), 204);
        }

        private static Http.Response ok(Http.Response response, int status) {
            if (response.status() != status) {
                throw new IllegalStateException("HTTP " + response.status() + ": " + response.body());
            }
            return response;
        }
    }

    private static Side side(String label, StatementCounter sql, java.util.function.Supplier<Client> clients) {
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
                return STEPS;
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
