package cn.streetgov.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V54 moves the opinions of existing consultation cases (appt_opinion) into the kernel's
 * case_decision: migrated to V53 with rows, then to V54. On H2 in memory, or with -Pmariadb on a
 * scratch database beside DB_URL's, dropped afterwards.
 */
class AppointmentDecisionMigrationTest {

    private String url;
    private String user;
    private String password;
    private String scratchDatabase;

    @BeforeEach
    void scratchDatabase() {
        if ("mariadb".equals(System.getProperty("test.db"))) {
            String base = System.getenv().getOrDefault("DB_URL",
                    "jdbc:mariadb://127.0.0.1:3306/streetgov?useMysqlMetadata=true&nullDatabaseMeansCurrent=true");
            String database = base.replaceAll("^jdbc:mariadb://[^/]+/([^?]*).*$", "$1");
            scratchDatabase = database + "_v54_" + UUID.randomUUID().toString().substring(0, 8);
            url = base.replaceFirst("^(jdbc:mariadb://[^/]+/)[^?]*", "$1" + scratchDatabase)
                    + (base.contains("?") ? "&" : "?") + "createDatabaseIfNotExist=true";
            user = System.getenv().getOrDefault("DB_USER", "root");
            password = System.getenv().getOrDefault("DB_PASSWORD", "");
        } else {
            url = "jdbc:h2:mem:appt-v54-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            user = "sa";
            password = "";
        }
    }

    @AfterEach
    void dropScratchDatabase() throws SQLException {
        if (scratchDatabase != null) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("drop database " + scratchDatabase);
            }
        } else {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("shutdown");
            }
        }
    }

    @Test
    void shouldMoveTheOpinionsOfExistingCasesIntoTheDecisionRecord() throws SQLException {
        migrateTo("53");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into appt_case (id, case_no, process_instance_id, dept_code, agency_code, org_code,"
                    + " action, position_title, position_level, reason, status, created_at) values (41, 'RM-2025-0007',"
                    + " 'pi-7', 'GA', 'S01-GA', 'S01', 'APPOINT', '所长', 'SECTION', '工作需要', 'OPEN',"
                    + " '2025-06-01 09:00:00.000')");
            s.executeUpdate("insert into appt_opinion (case_id, step, actor_user, actor_org, meeting_date, decided_at,"
                    + " decision, comment_text) values (41, 'STREET_OPINION', 's01-sec', 'street-committee-S01',"
                    + " '2025-06-03', '2025-06-04 10:15:30.250', 'DISAGREE', '人选不熟悉辖区')");
            s.executeUpdate("insert into appt_opinion (case_id, step, actor_user, actor_org, meeting_date, decided_at,"
                    + " decision, comment_text) values (41, 'COORDINATION', 'orgdept', 'org-dept', null,"
                    + " '2025-06-05 11:00:00.000', 'OVERRIDE', '经考察人选合适')");
            s.executeUpdate("insert into appt_opinion (case_id, step, actor_user, actor_org, meeting_date, decided_at,"
                    + " decision, comment_text) values (41, 'COMMITTEE_DECISION', 'standing', 'standing-committee',"
                    + " '2025-06-10', '2025-06-10 16:00:00.000', 'APPROVE', null)");
        }

        migrateTo("54");

        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select case_no, process_instance_id, process_key, task_id, task_key,"
                        + " step_name, entry_type, decision, decision_label, comment_text, details, actor_user,"
                        + " actor_group, decided_at from case_decision order by id")) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= 13; i++) {
                    row.add(rs.getString(i));
                }
                row.add(rs.getObject(14, LocalDateTime.class));
                rows.add(row);
            }
        }
        assertThat(rows).containsExactly(
                nullsFor(List.of("RM-2025-0007", "pi-7", "cadre-consultation", "", "userTask_streetOpinion",
                        "街道党(工)委会议答复意见", "DECISION", "DISAGREE", "不同意", "人选不熟悉辖区",
                        "{\"meetingDate\":\"2025-06-03\"}", "s01-sec", "street-committee-S01",
                        LocalDateTime.of(2025, 6, 4, 10, 15, 30, 250_000_000))),
                nullsFor(List.of("RM-2025-0007", "pi-7", "cadre-consultation", "", "userTask_coordinate", "组织部协调不同意意见",
                        "DECISION", "OVERRIDE", "不采纳街道意见，继续办理", "经考察人选合适", "", "orgdept", "org-dept",
                        LocalDateTime.of(2025, 6, 5, 11, 0))),
                nullsFor(List.of("RM-2025-0007", "pi-7", "cadre-consultation", "", "userTask_committeeDecision",
                        "区委常委会研究决定", "DECISION", "APPROVE", "同意", "", "{\"meetingDate\":\"2025-06-10\"}",
                        "standing", "standing-committee", LocalDateTime.of(2025, 6, 10, 16, 0))));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("select count(*) from appt_opinion")).isInstanceOf(SQLException.class);
        }
    }

    /** List.of takes no nulls: "" stands for SQL null. */
    private static List<Object> nullsFor(List<Object> values) {
        return values.stream().map(v -> "".equals(v) ? null : v).toList();
    }

    private void migrateTo(String version) {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                .table("app_schema_history").target(version).load().migrate();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
