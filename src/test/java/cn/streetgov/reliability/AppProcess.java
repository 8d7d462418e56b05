package cn.streetgov.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The application as its own JVM, started from the classes Maven built (target/classes and the
 * dependencies of the test class path, without the test classes), on a MariaDB database of the
 * test, with the demo organisation and users of CONTRACT.md. Its output goes to
 * target/reliability/&lt;name&gt;.log (appended across restarts). {@link #kill()} is {@code kill -9}.
 */
final class AppProcess implements AutoCloseable {

    static final Path DIR = Path.of("target", "reliability");
    private static final String AUDIT_KEY = "reliability-test-audit-key-not-a-secret-0123456789";

    final String name;
    final int port;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> args = new ArrayList<>();
    private Process process;
    private int starts;

    AppProcess(String name, int port, String dbUrl) {
        this.name = name;
        this.port = port;
        env.put("DB_URL", dbUrl);
        env.put("DB_USER", TestDatabase.USER);
        env.put("DB_PASSWORD", TestDatabase.PASSWORD);
        env.put("APP_DEMO_SEED", "true");
        env.put("APP_DEMO_PASSWORDS", "true");
        env.put("APP_DEMO_CASES", "false");
        env.put("APP_AUDIT_KEY", AUDIT_KEY);
        args.add("--server.port=" + port);
        args.add("--server.address=127.0.0.1");
        args.add("--spring.profiles.active=mariadb");
        args.add("--server.tomcat.basedir=" + DIR.resolve("tomcat-" + name));
        // the node's name in the engine's job log (which node ran a job)
        args.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
        args.add("--logging.level.root=WARN");
        args.add("--logging.level.cn.streetgov=INFO");
    }

    AppProcess arg(String arg) {
        args.add(arg);
        return this;
    }

    AppProcess env(String key, String value) {
        env.put(key, value);
        return this;
    }

    Path log() {
        return DIR.resolve(name + ".log");
    }

    RestClient rest() {
        return new RestClient(port);
    }

    /** Starts the JVM and waits until it serves logged-in requests with the processes deployed. */
    AppProcess start(Duration timeout) {
        try {
            Files.createDirectories(DIR);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx" + System.getProperty("reliability.heap", "512m"));
            command.add("-XX:+UseSerialGC");
            command.add("-Dfile.encoding=UTF-8");
            command.add("-cp");
            command.add(applicationClassPath());
            command.add("cn.streetgov.StreetGovApplication");
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            builder.environment().putAll(env);
            Files.writeString(log(), "\n===== start " + (++starts) + " at " + Instant.now() + " =====\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Instant begun = Instant.now();
            process = builder.start();
            awaitReady(timeout);
            lastStartup = Duration.between(begun, Instant.now());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Duration lastStartup;

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        RestClient rest = rest();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended with " + process.exitValue() + " while starting; see " + log());
            }
            try {
                RestClient.Response health = rest.get(null, "/actuator/health");
                if (health.status() == 200) {
                    // health is UP a moment before identities are synchronised and processes deployed
                    RestClient.Response definition = rest.get("s01-off", "/engine-rest/process-definition/key/whistle-dispatch");
                    if (definition.status() == 200) {
                        return;
                    }
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log());
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** kill -9: no shutdown hook, no connection closed politely, no transaction finished. */
    void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A normal shutdown (SIGTERM), forcibly after 30 s. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The run-time class path: Maven's test class path without the test classes and the test-only plugins. */
    static String applicationClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
                .filter(entry -> !entry.contains("process-test-coverage") && !entry.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
