package cn.streetgov.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time consumed so far, in milliseconds: by this JVM, and by the local MariaDB server process
 * (read from {@code /proc}; NaN where there is none, e.g. on H2 or another machine). CPU time does
 * not grow while a thread waits for a core, so it compares two sides fairly on a busy machine.
 */
final class Cpu {

    private static final double TICK_MILLIS = 10.0; // USER_HZ is 100 on Linux

    private Cpu() {
    }

    static double jvmMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6;
    }

    static double databaseServerMillis() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(Cpu::isDatabaseServer).mapToDouble(Cpu::millis).sum();
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static boolean isDatabaseServer(Path process) {
        try {
            String name = Files.readString(process.resolve("comm")).trim();
            return name.equals("mariadbd") || name.equals("mysqld");
        } catch (IOException e) {
            return false;
        }
    }

    private static double millis(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after the name: state(0) ... utime(11) stime(12)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MILLIS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
