package cn.streetgov.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Guards docker/compose.yaml and docker/Dockerfile, which cannot be exercised without a Docker
 * engine. Paths are relative to the project root, Maven's working directory for tests.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("docker", "compose.yaml");
    private static final Path DOCKERFILE = Path.of("docker", "Dockerfile");
    private static final Path RESOURCES = Path.of("src", "main", "resources");

    /** Variables the app service must set. */
    private static final Set<String> APP_ENV =
            Set.of("SPRING_PROFILES_ACTIVE", "DB_URL", "DB_USER", "DB_PASSWORD", "APP_DEMO_PASSWORDS");

    /**
     * Read by something other than an application.yaml placeholder: SPRING_PROFILES_ACTIVE is bound
     * by Spring Boot itself, JAVA_OPTS by the Dockerfile's entrypoint.
     */
    private static final Set<String> READ_ELSEWHERE = Set.of("SPRING_PROFILES_ACTIVE", "JAVA_OPTS");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)");

    private static Map<String, Object> mariadb;
    private static Map<String, Object> app;
    private static Map<String, Object> compose;

    @BeforeAll
    static void parseCompose() throws IOException {
        assertThat(COMPOSE).as("run tests from the project root").isRegularFile();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        compose = map(yaml.load(Files.readString(COMPOSE)), "compose file");
        Map<String, Object> services = map(compose.get("services"), "services");
        assertThat(services).containsKeys("mariadb", "app");
        mariadb = map(services.get("mariadb"), "services.mariadb");
        app = map(services.get("app"), "services.app");
    }

    /**
     * The port the container publishes, checks and exposes is the one the application listens on
     * (server.port of application.yaml, or SERVER_PORT where compose sets it).
     */
    @Test
    void theContainerPublishesAndChecksThePortTheApplicationListensOn() throws IOException {
        Matcher serverPort = Pattern.compile("\\$\\{SERVER_PORT:(\\d+)}").matcher(
                profileProperties("application").getProperty("server.port"));
        assertThat(serverPort.matches()).as("server.port is ${SERVER_PORT:<default>}").isTrue();
        String port = env(app).getOrDefault("SERVER_PORT", serverPort.group(1));
        List<String> targets = new ArrayList<>();
        for (Object published : list(app.get("ports"), "app.ports")) {
            targets.add(published instanceof Map<?, ?> longSyntax ? String.valueOf(longSyntax.get("target"))
                    : String.valueOf(published).replaceFirst("/tcp$", "").replaceFirst("^.*:", ""));
        }
        assertThat(targets).as("container ports published by app").contains(port);
        assertThat(command(map(app.get("healthcheck"), "app.healthcheck").get("test")))
                .contains(":" + port + "/actuator/health");
        List<String> runtime = dockerfileStages().get(dockerfileStages().size() - 1);
        assertThat(runtime).anyMatch(i -> i.matches("(?i)EXPOSE .*\\b" + port + "\\b.*"));
        assertThat(runtime).anyMatch(i -> i.matches("(?i)HEALTHCHECK .*:\\$\\{SERVER_PORT:-" + port + "}/actuator/health.*"));
    }

    /** Both health checks wait for readiness: identities synchronised and processes deployed, not only a running server. */
    @Test
    void healthChecksAskForReadiness() throws IOException {
        assertThat(command(map(app.get("healthcheck"), "app.healthcheck").get("test")))
                .contains("/actuator/health/readiness");
        List<String> runtime = dockerfileStages().get(dockerfileStages().size() - 1);
        assertThat(runtime).anyMatch(i -> i.matches("(?i)HEALTHCHECK .*CMD .*/actuator/health/readiness\\b.*"));
    }

    /** The profiles the container activates exist, and one of them sets the engine up for MariaDB. */
    @Test
    void theProfilesTheContainerActivatesExistAndConfigureTheEngineForMariadb() throws IOException {
        List<String> profiles = Arrays.stream(String.valueOf(env(app).get("SPRING_PROFILES_ACTIVE")).split(","))
                .map(String::trim).toList();
        List<String> databaseTypes = new ArrayList<>();
        for (String profile : profiles) {
            assertThat(RESOURCES.resolve("application-" + profile + ".yaml")).as("profile " + profile).isRegularFile();
            databaseTypes.add(profileProperties("application-" + profile).getProperty("camunda.bpm.database.type"));
        }
        // Camunda 7.24 has no MariaDB dialect and runs it as "mysql" (type "mariadb" fails, unset fails)
        assertThat(databaseTypes).as("camunda.bpm.database.type of " + profiles).contains("mysql");
    }

    @Test
    void appDbUrlPointsAtTheMariadbService() {
        String dbUrl = env(app).get("DB_URL");
        assertThat(dbUrl).startsWith("jdbc:mariadb://");
        URI uri = URI.create(dbUrl.substring("jdbc:".length()));
        assertThat(uri.getHost()).isEqualTo("mariadb");
        assertThat(uri.getPort()).isEqualTo(3306);
        assertThat(uri.getPath()).isEqualTo("/" + env(mariadb).get("MARIADB_DATABASE"));
        assertThat(uri.getQuery().split("&"))
                .contains("useMysqlMetadata=true", "nullDatabaseMeansCurrent=true");
    }

    @Test
    void appCredentialsMatchTheMariadbUser() {
        Map<String, String> appEnv = env(app);
        Map<String, String> dbEnv = env(mariadb);
        assertThat(appEnv.get("DB_USER")).isNotBlank().isEqualTo(dbEnv.get("MARIADB_USER"));
        assertThat(appEnv.get("DB_PASSWORD")).isNotBlank().isEqualTo(dbEnv.get("MARIADB_PASSWORD"));
        assertThat(dbEnv).containsKey("MARIADB_ROOT_PASSWORD");
    }

    /**
     * The database server's defaults are what the application's pool sets on every connection
     * (application-mariadb.yaml): the character set and collation of SET NAMES and the isolation
     * level, so that the schema the engine creates and what other clients see agree with it.
     */
    @Test
    void theDatabaseServerRunsTheCharacterSetAndIsolationOfTheApplicationsPool() throws IOException {
        Properties pool = profileProperties("application-mariadb");
        Matcher names = Pattern.compile("SET NAMES (\\w+) COLLATE (\\w+)")
                .matcher(pool.getProperty("spring.datasource.hikari.connection-init-sql"));
        assertThat(names.find()).as("connection-init-sql sets the names").isTrue();
        String isolation = pool.getProperty("spring.datasource.hikari.transaction-isolation")
                .replaceFirst("^TRANSACTION_", "").replace('_', '-');
        assertThat(command(mariadb.get("command")))
                .contains("--character-set-server=" + names.group(1))
                .contains("--collation-server=" + names.group(2))
                .contains("--transaction-isolation=" + isolation);
    }

    @Test
    void mariadbHasHealthcheckAndNamedVolume() {
        assertThat(command(map(mariadb.get("healthcheck"), "mariadb.healthcheck").get("test")))
                .contains("healthcheck.sh")
                .contains("--connect")
                .contains("--innodb_initialized");
        List<Object> volumes = list(mariadb.get("volumes"), "mariadb.volumes");
        assertThat(volumes).contains("mariadb-data:/var/lib/mysql");
        assertThat(map(compose.get("volumes"), "top-level volumes")).containsKey("mariadb-data");
    }

    @Test
    void appWaitsForHealthyMariadbAndHasHealthcheck() {
        Map<String, Object> dependsOn = map(app.get("depends_on"), "app.depends_on (long syntax)");
        assertThat(map(dependsOn.get("mariadb"), "app.depends_on.mariadb"))
                .containsEntry("condition", "service_healthy");
        assertThat(command(map(app.get("healthcheck"), "app.healthcheck").get("test")))
                .contains("/actuator/health");
    }

    @Test
    void appEnvironmentMatchesTheApplicationPlaceholders() {
        Set<String> placeholders = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(applicationConfig());
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }
        Set<String> appEnv = env(app).keySet();
        assertThat(appEnv).containsAll(APP_ENV);
        for (String name : appEnv) {
            if (!READ_ELSEWHERE.contains(name)) {
                assertThat(placeholders)
                        .as("env var %s set on app is read as ${%s:...} in application*.yaml", name, name)
                        .contains(name);
            }
        }
    }

    @Test
    void dockerfileBuildsInOneStageAndRunsInAnother() throws IOException {
        List<List<String>> stages = dockerfileStages();
        assertThat(stages).as("FROM stages").hasSizeGreaterThanOrEqualTo(2);

        List<String> build = stages.get(0);
        assertThat(copySources(build)).contains("processes", "forms", "src", "pom.xml");
        assertThat(build).anyMatch(i -> i.matches("(?i)RUN .*mvnw .*(package|verify|install).*"));

        List<String> runtime = stages.get(stages.size() - 1);
        assertThat(runtime).anyMatch(i -> i.matches("(?i)COPY --from=\\S+ \\S*target/street-governance\\.jar .*"));
        assertThat(runtime).anyMatch(i -> i.matches("(?i)EXPOSE .*\\b8080\\b.*"));
        assertThat(runtime).anyMatch(i -> i.matches("(?i)HEALTHCHECK .*CMD .*/actuator/health.*"));
        assertThat(runtime).anyMatch(i -> i.matches("(?i)ENTRYPOINT .*\\$JAVA_OPTS.*/app/app\\.jar.*"));

        List<String> users = runtime.stream().filter(i -> i.matches("(?i)USER .*")).toList();
        assertThat(users).as("USER in the runtime stage").isNotEmpty();
        String user = users.get(users.size() - 1).substring(5).trim().split(":")[0];
        assertThat(user).as("runtime user").isNotIn("root", "0");
    }

    // ---- helpers --------------------------------------------------------------------------

    /** Instructions per stage, continuation lines joined, comments dropped. */
    private static List<List<String>> dockerfileStages() throws IOException {
        List<List<String>> stages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            String instruction = current.append(trimmed).toString().replaceAll("\\s+", " ").trim();
            current.setLength(0);
            if (instruction.regionMatches(true, 0, "FROM ", 0, 5)) {
                stages.add(new ArrayList<>());
            }
            if (!stages.isEmpty() && !instruction.isEmpty()) {
                stages.get(stages.size() - 1).add(instruction);
            }
        }
        return stages;
    }

    /** Source operands of the stage's COPY instructions, without trailing slashes. */
    private static List<String> copySources(List<String> stage) {
        List<String> sources = new ArrayList<>();
        for (String instruction : stage) {
            if (!instruction.regionMatches(true, 0, "COPY ", 0, 5)) {
                continue;
            }
            List<String> operands = new ArrayList<>(Arrays.stream(instruction.substring(5).split(" "))
                    .filter(t -> !t.isEmpty() && !t.startsWith("--"))
                    .toList());
            operands.remove(operands.size() - 1); // destination
            operands.forEach(o -> sources.add(o.replaceAll("/+$", "")));
        }
        return sources;
    }

    /** The flattened properties of src/main/resources/{name}.yaml. */
    private static Properties profileProperties(String name) throws IOException {
        Path file = RESOURCES.resolve(name + ".yaml");
        assertThat(file).isRegularFile();
        YamlPropertiesFactoryBean factory = new YamlPropertiesFactoryBean();
        factory.setResources(new FileSystemResource(file));
        return factory.getObject();
    }

    /** Text of application.yaml and application-mariadb.yaml (or .yml). */
    private static String applicationConfig() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("application", "application-mariadb")) {
            for (String ext : List.of(".yaml", ".yml")) {
                Path file = RESOURCES.resolve(name + ext);
                if (Files.exists(file)) {
                    try {
                        text.append(Files.readString(file)).append('\n');
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        assertThat(text).as("application.yaml in " + RESOURCES).isNotEmpty();
        return text.toString();
    }

    /** A service's environment, given as a map or as a list of NAME=value. */
    private static Map<String, String> env(Map<String, Object> service) {
        Object environment = service.get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> asMap) {
            asMap.forEach((k, v) -> result.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else {
            for (Object entry : list(environment, "environment")) {
                String[] pair = String.valueOf(entry).split("=", 2);
                result.put(pair[0], pair.length > 1 ? pair[1] : null);
            }
        }
        return result;
    }

    /** A command or healthcheck test, given as a string or a list, as one string. */
    private static String command(Object value) {
        assertThat(value).as("command").isNotNull();
        return value instanceof List<?> parts
                ? String.join(" ", parts.stream().map(String::valueOf).toList())
                : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
