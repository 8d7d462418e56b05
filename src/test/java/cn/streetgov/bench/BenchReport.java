package cn.streetgov.bench;

import cn.streetgov.test.TestProfiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * {@code target/bench/report.md}: the machine's facts and the commands, then every section a
 * benchmark of this run wrote (one file each under {@code target/bench/sections/}, in name order).
 */
final class BenchReport {

    static final Path DIR = Path.of("target", "bench");

    private BenchReport() {
    }

    static synchronized void section(String name, String markdown) {
        try {
            Path sections = DIR.resolve("sections");
            Files.createDirectories(sections);
            Files.writeString(sections.resolve(name + ".md"), markdown, StandardCharsets.UTF_8);
            StringBuilder report = new StringBuilder(header());
            try (Stream<Path> files = Files.list(sections)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    report.append('\n').append(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            Files.writeString(DIR.resolve("report.md"), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header() {
        Runtime runtime = Runtime.getRuntime();
        return "# Benchmark report\n\n"
                + "| | |\n|---|---|\n"
                + "| written | " + OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " |\n"
                + "| database | " + (TestProfiles.onMariaDb() ? "MariaDB (DB_URL; the bare engine in a database beside ours)"
                        : "H2 in memory (ours and the bare engine each in its own)") + " |\n"
                + "| processors | " + runtime.availableProcessors() + " |\n"
                + "| max heap | " + runtime.maxMemory() / (1024 * 1024) + " MB |\n"
                + "| JVM | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " |\n"
                + "| OS | " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + "), load average at the end "
                + String.format(java.util.Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + " |\n"
                + "| smoke run | " + Boolean.getBoolean("bench.smoke") + " |\n\n"
                + "Commands: `./mvnw verify -Pbench` (H2), `./mvnw verify -Pbench,mariadb` with `DB_URL` "
                + "(MariaDB); `-Dbench.smoke=true` for the short run CI makes, `-Dbench.seconds=N -Dbench.rounds=N` "
                + "for longer ones, `-Dtest=ThroughputBenchmark` for one benchmark.\n";
    }
}
