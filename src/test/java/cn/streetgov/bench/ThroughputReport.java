package cn.streetgov.bench;

import cn.streetgov.bench.Load.Op;
import cn.streetgov.bench.Load.Result;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The throughput section of the report: per level the median of the rounds, ours beside bare, and the ratio. */
final class ThroughputReport {

    private ThroughputReport() {
    }

    static String markdown(String title, String description, int completions, Map<String, List<Result>> results,
            int[] clients, double seconds, int rounds, boolean serverDatabase) {
        StringBuilder md = new StringBuilder();
        md.append("\n## ").append(title).append("\n\n")
                .append(String.format(Locale.ROOT, "A case of %s. Each client runs one case after the other; %.0f s per run, %d "
                        + "round(s) per level with the sides interleaved, medians of the rounds. Latencies in ms. CPU: "
                        + "this JVM's CPU time during the run (the server, the clients, on H2 the database)"
                        + (serverDatabase ? " and the MariaDB server's" : "") + ", per completion; unlike the seconds, it "
                        + "does not grow while the work waits for a core.%n%n",
                        description, seconds, rounds));
        for (String level : List.of("engine", "REST")) {
            md.append("### ").append(title.replaceFirst(" .*", "")).append(" · ").append(level).append(" level\n\n")
                    .append("| clients | tasks/s ours / bare | ratio | cases/s ours / bare | completion p50 / p95 / p99 ours "
                            + "| bare | p99 ratio | task list p50 / p99 ours | bare | start p50 / p99 ours | bare | CPU ms per completion ours / bare "
                            + "| errors ours / bare |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (int n : clients) {
                List<Result> ours = results.get("ours " + level + "@" + n);
                List<Result> bare = results.get("bare " + level + "@" + n);
                if (ours == null || bare == null) {
                    continue;
                }
                double oursTps = median(ours, Result::tasksPerSecond);
                double bareTps = median(bare, Result::tasksPerSecond);
                double oursP99 = median(ours, r -> r.percentile(Op.COMPLETE, 99));
                double bareP99 = median(bare, r -> r.percentile(Op.COMPLETE, 99));
                md.append(String.format(Locale.ROOT,
                        "| %d | %.1f / %.1f | **%.2f** | %.1f / %.1f | %s | %s | %.2f | %s | %s | %s | %s | %s / %s | %d / %d |%n",
                        n, oursTps, bareTps, oursTps / bareTps, median(ours, Result::casesPerSecond),
                        median(bare, Result::casesPerSecond), pcts(ours, Op.COMPLETE, 50, 95, 99),
                        pcts(bare, Op.COMPLETE, 50, 95, 99), oursP99 / bareP99, pcts(ours, Op.LIST, 50, 99),
                        pcts(bare, Op.LIST, 50, 99), pcts(ours, Op.START, 50, 99), pcts(bare, Op.START, 50, 99),
                        cpu(ours, serverDatabase), cpu(bare, serverDatabase),
                        ours.stream().mapToInt(Result::errors).sum(), bare.stream().mapToInt(Result::errors).sum()));
            }
            List<Result> ours = results.get("ours " + level + "@1");
            List<Result> bare = results.get("bare " + level + "@1");
            if (ours != null && bare != null) {
                md.append("\nSQL statements per request (one client, so that each request's statements are its own):\n\n")
                        .append("| request | ours | bare | ratio |\n|---|---|---|---|\n");
                for (Op op : Op.values()) {
                    double o = median(ours, r -> r.sqlPerRequest().getOrDefault(op, Double.NaN));
                    double b = median(bare, r -> r.sqlPerRequest().getOrDefault(op, Double.NaN));
                    md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f |%n", label(op), o, b, o / b));
                }
                double o = median(ours, Result::sqlPerCase);
                double b = median(bare, Result::sqlPerCase);
                md.append(String.format(Locale.ROOT, "| whole case (start, %d × list, claim, complete) | %.0f | %.0f | %.2f |%n",
                        completions, o, b, o / b));
                md.append(String.format(Locale.ROOT, "| per completion (whole case / %d) | %.1f | %.1f | %.2f |%n%n",
                        completions, o / completions, b / completions, o / b));
                md.append(topStatements("ours", ours.get(0))).append(topStatements("bare", bare.get(0)));
            }
        }
        return md.toString();
    }

    private static String cpu(List<Result> results, boolean serverDatabase) {
        double jvm = median(results, Result::cpuPerCompletion);
        return String.format(Locale.ROOT, "%.1f", serverDatabase ? jvm + median(results, Result::dbCpuPerCompletion) : jvm);
    }

    /** The statements a case sends most often (one client, first round): where to look when tuning. */
    private static String topStatements(String side, Result result) {
        StringBuilder md = new StringBuilder("<details><summary>" + side + ": the statements of a case, most frequent first</summary>\n\n"
                + "| per case | statement |\n|---|---|\n");
        result.statements().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(40)
                .forEach(e -> md.append(String.format(Locale.ROOT, "| %.1f | `%s` |%n", (double) e.getValue() / result.cases(),
                        e.getKey().replace("|", "\\|").replace("`", "'"))));
        return md.append("\n</details>\n\n").toString();
    }

    private static String label(Op op) {
        return switch (op) {
            case START -> "start";
            case LIST -> "task list of the case";
            case CLAIM -> "claim";
            case COMPLETE -> "complete";
        };
    }

    private static String pcts(List<Result> results, Op op, double... ps) {
        List<String> parts = new ArrayList<>();
        for (double p : ps) {
            parts.add(String.format(Locale.ROOT, "%.1f", median(results, r -> r.percentile(op, p))));
        }
        return String.join(" / ", parts);
    }

    private static double median(List<Result> results, ToDoubleFunction<Result> figure) {
        List<Double> values = new ArrayList<>(results.stream().mapToDouble(figure).boxed().toList());
        values.sort(Comparator.naturalOrder());
        return values.isEmpty() ? Double.NaN : values.get(values.size() / 2);
    }
}
