package cn.streetgov.whistle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.whistle.WhistleMetricsQuery.AgencyFigures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a unit test (surefire excludes *Benchmark*): loads 100,000 whistle summons (25,000 cases of
 * 2031, 4 departments each, 12 agencies) and times the figures query. Run it with
 * {@code ./mvnw -B -Dtest=WhistleMetricsBenchmark test} (add -Pmariadb for MariaDB); the result is
 * printed and written to target/whistle-metrics-benchmark.txt. It removes its records afterwards.
 */
@cn.streetgov.bench.BenchmarkedApplication
class WhistleMetricsBenchmark {

    static final int CASES = 25_000;
    static final String[] ORGS = {"S01", "S02", "S03", "T01"};
    static final String[] DEPTS = {"CGZF", "SCJG", "GA", "WJ"};
    static final int RUNS = 20;

    private Long touchId;

    @Autowired
    WhistleMetricsQuery metrics;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void measureTheFiguresQueryOver100000Summons() throws IOException {
        removeRecords();
        long loadStart = System.nanoTime();
        int summonsRows = load();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        assertThat(summonsRows).isEqualTo(100_000);
        touchId = jdbc.queryForObject("select max(id) from whistle_summons", Long.class);

        StringBuilder report = new StringBuilder();
        report.append("whistle metrics benchmark, database ")
                .append(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName() + " "
                        + c.getMetaData().getDatabaseProductVersion()))
                .append('\n');
        report.append("loaded %d cases, %d summons in %.1f s%n".formatted(CASES, summonsRows, loadSeconds));
        for (String period : List.of("2031", "2031-H2", "2031-Q4")) {
            List<AgencyFigures> figures = metrics.figuresByAgency(period); // warm-up
            for (int i = 0; i < 3; i++) {
                touch();
                metrics.figuresByAgency(period);
            }
            double[] millis = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                touch();
                long t = System.nanoTime();
                figures = metrics.figuresByAgency(period);
                millis[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(millis);
            long summoned = figures.stream().mapToLong(AgencyFigures::summoned).sum();
            report.append("period %-8s %2d agencies, %6d summons counted: median %.1f ms, min %.1f ms, max %.1f ms (%d runs)%n"
                    .formatted(period, figures.size(), summoned, millis[RUNS / 2], millis[0], millis[RUNS - 1], RUNS));
            if (period.equals("2031")) {
                assertThat(figures).hasSize(12);
                assertThat(summoned).isEqualTo(75_000);
            }
        }
        touch();
        long t = System.nanoTime();
        AgencyFigures one = metrics.figuresOf("S01-GA", "2031");
        report.append("figuresOf(S01-GA, 2031): %.1f ms, %s%n".formatted((System.nanoTime() - t) / 1e6, one));
        report.append("plan: ").append(plan()).append('\n');
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/whistle-metrics-benchmark.txt"), report);
    }

    @AfterEach
    void removeRecords() {
        jdbc.update("delete from whistle_summons where case_id in (select id from whistle_case where case_no like 'BM-2031-%')");
        jdbc.update("delete from whistle_case where case_no like 'BM-2031-%'");
    }

    private int load() {
        Random random = new Random(2031);
        LocalDateTime yearStart = LocalDateTime.of(2031, 1, 1, 0, 0);
        List<Object[]> cases = new ArrayList<>();
        List<LocalDateTime> times = new ArrayList<>();
        List<Integer> scores = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            LocalDateTime at = yearStart.plusMinutes(random.nextInt(365 * 24 * 60));
            times.add(at);
            Integer satisfaction = random.nextInt(5) == 0 ? null : 1 + random.nextInt(5);
            scores.add(satisfaction);
            cases.add(new Object[] {"BM-2031-%06d".formatted(i), ORGS[i % ORGS.length], satisfaction,
                    Timestamp.valueOf(at)});
        }
        jdbc.batchUpdate("""
                insert into whistle_case (case_no, org_code, summary, urgency, status, reopen_count, satisfaction, created_at)
                values (?, ?, '性能测试', 'URGENT', 'CLOSED', 0, ?, ?)""", cases);
        List<Long> ids = jdbc.queryForList(
                "select id from whistle_case where case_no like 'BM-2031-%' order by case_no", Long.class);
        List<Object[]> rows = new ArrayList<>();
        int inserted = 0;
        for (int i = 0; i < CASES; i++) {
            String org = ORGS[i % ORGS.length];
            LocalDateTime at = times.get(i);
            for (String dept : DEPTS) {
                boolean hasAgency = !dept.equals("WJ");
                String agency = hasAgency ? org + "-" + dept : null;
                boolean reported = random.nextInt(10) != 0;
                int minutes = 5 + random.nextInt(3000);
                boolean late = reported ? minutes > 1440 : random.nextBoolean();
                rows.add(new Object[] {ids.get(i), org, dept, agency, hasAgency ? "agency-" + agency : "dept-" + dept,
                        Timestamp.valueOf(at), Timestamp.valueOf(at.plusMinutes(1440)),
                        reported ? Timestamp.valueOf(at.plusMinutes(minutes)) : null, reported ? minutes : null, late,
                        scores.get(i)});
                if (rows.size() == 5_000) {
                    inserted += insertSummons(rows);
                }
            }
        }
        inserted += insertSummons(rows);
        return inserted;
    }

    private int insertSummons(List<Object[]> rows) {
        jdbc.batchUpdate("""
                insert into whistle_summons (case_id, org_code, dept_code, agency_code, routed_group, summoned_at,
                    deadline, reported_at, report_minutes, late, satisfaction)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        int n = rows.size();
        rows.clear();
        return n;
    }

    /**
     * A write between two runs, so that the database cannot answer a repeated query from the result
     * of the previous one (H2 reuses the result of an identical query while no table changed).
     */
    private void touch() {
        jdbc.update("update whistle_summons set late = late where id = ?", touchId);
    }

    /** The database's plan of the same aggregate (to see the index at work). */
    private String plan() {
        String sql = """
                select s.agency_code, count(*), sum(case when s.reported_at is not null and s.late = false then 1 else 0 end),
                       avg(s.report_minutes), avg(s.satisfaction)
                from whistle_summons s
                where s.agency_code is not null and s.summoned_at >= timestamp '2031-01-01 00:00:00'
                  and s.summoned_at < timestamp '2032-01-01 00:00:00'
                group by s.agency_code""";
        try {
            return String.join(" | ", jdbc.query("explain " + sql, (rs, n) -> {
                StringBuilder line = new StringBuilder();
                for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                    line.append(rs.getString(col)).append(' ');
                }
                return line.toString().replaceAll("\\s+", " ").trim();
            }));
        } catch (RuntimeException e) {
            return "n/a (" + e.getMessage() + ")";
        }
    }
}
