package cn.streetgov.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Http;
import cn.streetgov.test.TestProfiles;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a unit test (surefire excludes *Benchmark*): the auditors' search with 100,000 cases in the test's
 * own database (case_index, case_index_org and case_index_done filled by batch inserts, removed again
 * afterwards: the other test classes share the database): every filter alone and in combination answers
 * its first page and a later one over HTTP in under 200 ms, measured after a warm-up (the best of three,
 * so that a moment's load on a shared machine does not count; a write before each, so that no result is
 * served from a cache). Prints each figure. Run it with {@code ./mvnw -B -Dtest=AuditSearchBenchmark test}
 * (add -Pmariadb for MariaDB).
 */
class AuditSearchBenchmark extends WorkspaceTestSupport {

    static final int CASES = 100_000;
    static final String PREFIX = "perf-case-";
    static final long LIMIT_MS = 200;
    static final String[] PROCESSES = {"power-delegation", "cadre-consultation", "whistle-dispatch", "agency-assessment-case"};
    static final String[] PROCESS_NAMES = {"赋权下放审批", "派驻机构负责人任免征求意见", "街道吹哨、部门报到", "派驻机构考核"};
    static final String[] STREETS = {"S01", "S02", "S03", "T01"};
    static final String[] DEPTS = {"CGZF", "SCJG", "GA"};
    static final String[] OUTCOMES = {"PUBLISHED", "REJECTED", "CLOSED", "CANCELLED"};

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyFilterAnswersItsFirstAndALaterPageInUnder200Milliseconds() {
        try {
            generate();
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("no filter", "");
            filters.put("case number (beginning)", "caseNo=XN-2025-09");
            filters.put("case number (exact)", "caseNo=XN-2025-091234");
            filters.put("process", "processKey=whistle-dispatch");
            filters.put("street", "orgCode=S02");
            filters.put("agency", "orgCode=S03-GA");
            filters.put("person", "userId=perf-user-17");
            filters.put("started in a period", "from=2025-03-01&to=2025-08-31");
            filters.put("ended in a period", "dates=ENDED&from=2025-03-01&to=2025-08-31");
            filters.put("outcome", "outcome=CLOSED");
            filters.put("running", "state=RUNNING");
            filters.put("ended", "state=ENDED");
            filters.put("process + street", "processKey=power-delegation&orgCode=S01");
            filters.put("process + state + period", "processKey=cadre-consultation&state=ENDED&from=2025-01-01&to=2025-12-31");
            filters.put("street + person", "orgCode=S01&userId=perf-user-3");
            filters.put("person + period", "userId=perf-user-42&from=2025-01-01&to=2025-06-30");
            filters.put("agency + outcome + ended period", "orgCode=T01-SCJG&outcome=CANCELLED&dates=ENDED&from=2024-06-01&to=2025-12-31");
            filters.put("process + street + period + outcome + state",
                    "processKey=whistle-dispatch&orgCode=S02&from=2024-01-01&to=2025-12-31&outcome=REJECTED&state=ENDED");
            filters.put("all filters", "caseNo=XN-2025&processKey=whistle-dispatch&orgCode=S02&userId=perf-user-6"
                    + "&from=2024-01-01&to=2025-12-31&outcome=REJECTED&state=ENDED");

            Http auditor = Http.as(port, "auditor");
            List<String> slow = new ArrayList<>();
            System.out.printf("auditors' search over %,d cases (%s), best of 3 after a warm-up:%n", CASES,
                    TestProfiles.onMariaDb() ? "MariaDB" : "H2");
            // a warm-up of the whole search first (else the first filter timed pays for the JVM's warm-up)
            filters.values().forEach(query -> auditor.get("/api/audit/cases?size=20&" + query));
            for (Map.Entry<String, String> filter : filters.entrySet()) {
                String base = "/api/audit/cases?size=20&" + filter.getValue();
                com.fasterxml.jackson.databind.JsonNode first = auditor.get(base).json();
                long total = first.path("total").asLong();
                assertThat(total).as(filter.getKey()).isPositive();
                // a later page: the 50th, or the last when there are fewer
                long later = Math.min(49, (total - 1) / 20);
                for (long page : new long[] {0, later}) {
                    String path = base + "&page=" + page;
                    auditor.get(path); // warm-up
                    long best = Long.MAX_VALUE;
                    for (int i = 0; i < 3; i++) {
                        touch();
                        long start = System.nanoTime();
                        Http.Response response = auditor.get(path);
                        long ms = (System.nanoTime() - start) / 1_000_000;
                        assertThat(response.status()).as(path).isEqualTo(200);
                        assertThat(response.json().path("total").asLong()).isEqualTo(total);
                        assertThat(response.json().path("items").size()).isBetween(1, 20);
                        best = Math.min(best, ms);
                    }
                    System.out.printf("  %-48s page %2d of %5d%s matches: %4d ms%n", filter.getKey(), page, total,
                            first.path("more").asBoolean() ? "+" : " ", best);
                    if (best >= LIMIT_MS) {
                        slow.add(filter.getKey() + " page " + page + ": " + best + " ms");
                    }
                }
            }
            assertThat(slow).as("pages slower than %d ms", LIMIT_MS).isEmpty();
        } finally {
            clean();
        }
    }

    /**
     * 100,000 cases of four processes over two years (2024–2025), each of a street/town, a department
     * and its agency there, started by one of 200 people and done by two others; three in four ended.
     */
    private void generate() {
        clean();
        long started = System.nanoTime();
        LocalDateTime origin = LocalDateTime.of(2024, 1, 1, 0, 0);
        List<Object[]> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            int p = i % PROCESSES.length;
            String street = STREETS[(i / 4) % STREETS.length];
            String dept = DEPTS[(i / 16) % DEPTS.length];
            LocalDateTime start = origin.plusMinutes(i * 10L);
            boolean ended = i % 4 != 0;
            cases.add(new Object[] {PREFIX + i, "XN-" + start.getYear() + "-" + String.format("%06d", i), PROCESSES[p],
                    PROCESS_NAMES[p], "测试案件 " + i, street + "," + dept + "," + street + "-" + dept,
                    "perf-user-" + (i % 200), start, ended ? start.plusDays(3 + i % 20) : null,
                    ended ? OUTCOMES[(i / 4) % OUTCOMES.length] : null});
            if (cases.size() == 5_000) {
                insertCases(cases);
                cases.clear();
            }
        }
        insertCases(cases);
        // the organisations one a row, as casework.CaseIndex keeps them
        for (String street : STREETS) {
            for (String dept : DEPTS) {
                String codes = street + "," + dept + "," + street + "-" + dept;
                for (String code : List.of(street, dept, street + "-" + dept)) {
                    jdbc.update("insert into case_index_org (case_index_id, org_code, started_at) select c.id, ?, c.started_at from case_index c"
                            + " where c.process_instance_id like '" + PREFIX + "%' and c.org_codes = ?", code, codes);
                }
            }
        }
        List<Object[]> done = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            LocalDateTime at = origin.plusMinutes(i * 10L).plusHours(5);
            for (int k = 1; k <= 2; k++) {
                done.add(new Object[] {PREFIX + i, "perf-user-" + ((i + k * 37) % 200), "perf-task-" + i + "-" + k, "审核", at});
            }
            if (done.size() >= 10_000) {
                insertDone(done);
                done.clear();
            }
        }
        insertDone(done);
        if (TestProfiles.onMariaDb()) {
            jdbc.execute("analyze table case_index, case_index_org, case_index_done");
        } else {
            jdbc.execute("analyze");
        }
        System.out.printf("generated %,d cases in %d s%n", CASES, (System.nanoTime() - started) / 1_000_000_000);
    }

    /**
     * A write before each timed request, so that the database cannot answer a repeated query from the
     * result of the previous one (H2 reuses the result of an identical query while no table changed).
     */
    private void touch() {
        jdbc.update("update case_index set outcome = outcome where process_instance_id = ?", PREFIX + 0);
    }

    private void insertCases(List<Object[]> rows) {
        jdbc.batchUpdate("insert into case_index (process_instance_id, case_no, process_key, process_name, subject,"
                + " org_codes, starter_user, started_at, ended_at, outcome) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private void insertDone(List<Object[]> rows) {
        jdbc.batchUpdate("insert into case_index_done (process_instance_id, user_id, task_id, step_name, done_at)"
                + " values (?, ?, ?, ?, ?)", rows);
    }

    private void clean() {
        jdbc.update("delete from case_index_org where case_index_id in (select c.id from case_index c"
                + " where c.process_instance_id like '" + PREFIX + "%')");
        jdbc.update("delete from case_index_done where process_instance_id like '" + PREFIX + "%'");
        jdbc.update("delete from case_index where process_instance_id like '" + PREFIX + "%'");
    }
}
