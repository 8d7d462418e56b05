package cn.streetgov.delegation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.test.TestProfiles;
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
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The migration that moves {@code dlg_decision} into the kernel's {@code case_decision}: rows written
 * by the old listener (in Asia/Shanghai) arrive in UTC with their step, label, organisation and the
 * street a review was for; decided revocations are copied too. Runs on a database of its own: an
 * in-memory H2, or with -Pmariadb a scratch database on the DB_URL server, dropped afterwards.
 */
class DelegationDecisionMigrationTest {

    /** The description of the migration under test (its version may be renumbered). */
    private static final String MIGRATION = "casework delegation decisions";

    private String url;
    private String scratch;

    @BeforeEach
    void scratchDatabase() {
        if (TestProfiles.onMariaDb()) {
            // beside the test database named by DB_URL: <its name>_mig_<random>
            String server = System.getenv().getOrDefault("DB_URL", "jdbc:mariadb://127.0.0.1:3306/streetgov_test");
            int slash = server.indexOf('/', "jdbc:mariadb://".length());
            int query = server.indexOf('?', slash);
            String database = server.substring(slash + 1, query < 0 ? server.length() : query);
            scratch = database + "_mig_" + UUID.randomUUID().toString().substring(0, 8);
            url = server.substring(0, slash + 1) + scratch + "?createDatabaseIfNotExist=true&useMysqlMetadata=true";
        } else {
            url = "jdbc:h2:mem:dlg-migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        }
    }

    @AfterEach
    void dropScratchDatabase() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(scratch != null ? "drop database " + scratch : "shutdown");
        }
    }

    @Test
    void shouldMoveTheDelegationDecisionsIntoTheKernelsRecordInUtc() throws SQLException {
        flyway(versionBefore(MIGRATION)).migrate();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into dlg_case (case_no, dept_code, delegation_method, legal_basis, reason,"
                    + " staffing_transfer, effective_date, status, legal_review_required, process_instance_id,"
                    + " created_at) values ('FQ-2025-0007', 'CGZF', 'DEVOLVE', '依据', '理由', 1, '2025-06-01',"
                    + " 'PUBLISHED', true, 'pi-delegation', '2025-05-01 09:00:00')");
            long caseId = single(s, "select id from dlg_case where case_no = 'FQ-2025-0007'");
            s.executeUpdate("insert into dlg_decision (case_id, step, task_key, org_code, decided_by, decided_at,"
                    + " decision, comment_text) values"
                    + " (" + caseId + ", 'CAPACITY', 'userTask_reviewCapacity', 'S01', 's01-off',"
                    + "  '2025-05-02 10:30:00.250', 'ACCEPT_WITH_CONDITIONS', '需派员带教'),"
                    + " (" + caseId + ", 'LEGAL', 'userTask_reviewLegality', 'legal-review', 'legal',"
                    + "  '2025-05-03 09:00:00', 'LAWFUL', null),"
                    + " (" + caseId + ", 'REVISION', 'userTask_reviseStaffing', 'dept-CGZF', 'system',"
                    + "  '2025-05-04 07:59:00', 'RESUBMIT', '编制数已调整'),"
                    + " (" + caseId + ", 'REPORT', 'userTask_reportOperation', 'S01', 's01-off',"
                    + "  '2025-12-01 16:00:00', 'WORKING', '运行良好')");
            s.executeUpdate("insert into dlg_delegated_power (item_code, org_code, delegation_method, effective_date,"
                    + " status, case_id, published_at) values ('CGZF-XK-001', 'S01', 'DEVOLVE', '2025-06-01',"
                    + " 'REVOKED', " + caseId + ", '2025-05-10 10:00:00')");
            long powerId = single(s, "select id from dlg_delegated_power where case_id = " + caseId);
            s.executeUpdate("insert into dlg_revocation (revocation_no, delegated_power_id, dept_code, reason,"
                    + " requested_by, requested_at, status, decision, decision_comment, decided_by, decided_org,"
                    + " decided_at, process_instance_id) values"
                    + " ('SH-2025-0001', " + powerId + ", 'CGZF', '质量不高', 'cgzf-off', '2025-12-02 09:00:00',"
                    + "  'REJECTED', 'REJECT', '继续实施', 'govt', 'district-government', '2025-12-03 15:00:00',"
                    + "  'pi-revocation'),"
                    + " ('SH-2025-0002', " + powerId + ", 'CGZF', '再议', 'cgzf-off', '2025-12-04 09:00:00',"
                    + "  'REQUESTED', null, null, null, null, null, 'pi-open')");
        }

        flyway(MigrationVersion.LATEST).migrate();

        try (Connection c = connect(); Statement s = c.createStatement()) {
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select case_no, process_instance_id, process_key, task_key, step_name,"
                    + " entry_type, decision, decision_label, comment_text, details, actor_user, actor_group, decided_at"
                    + " from case_decision order by id")) {
                while (r.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= 12; i++) {
                        row.add(r.getString(i));
                    }
                    row.add(r.getObject(13, LocalDateTime.class).toString());
                    rows.add(String.join("|", row.stream().map(String::valueOf).toList()));
                }
            }
            assertThat(rows).containsExactly(
                    "FQ-2025-0007|pi-delegation|power-delegation|userTask_reviewCapacity|承接能力评估|DECISION"
                            + "|ACCEPT_WITH_CONDITIONS|附条件承接|需派员带教|{\"orgCode\":\"S01\"}|s01-off"
                            + "|street-office-S01|2025-05-02T02:30:00.250",
                    "FQ-2025-0007|pi-delegation|power-delegation|userTask_reviewLegality|合法性审查|DECISION"
                            + "|LAWFUL|合法|null|null|legal|legal-review|2025-05-03T01:00",
                    "FQ-2025-0007|pi-delegation|power-delegation|userTask_reviseStaffing|部门修改|DECISION"
                            + "|RESUBMIT|修改后重新提交|编制数已调整|null|null|dept-CGZF|2025-05-03T23:59",
                    "FQ-2025-0007|pi-delegation|power-delegation|userTask_reportOperation|运行情况报告|DECISION"
                            + "|WORKING|运行良好|运行良好|{\"orgCode\":\"S01\"}|s01-off|street-office-S01"
                            + "|2025-12-01T08:00",
                    "SH-2025-0001|pi-revocation|power-revocation|userTask_decideRevocation|区政府常务会议决定收回"
                            + "|DECISION|REJECT|不同意收回|继续实施|null|govt|district-government|2025-12-03T07:00");
            assertThatThrownBy(() -> s.executeQuery("select count(*) from dlg_decision"))
                    .isInstanceOf(SQLException.class);
        }
    }

    /** The version of the migration that runs just before the named one. */
    private MigrationVersion versionBefore(String description) {
        MigrationVersion before = null;
        for (MigrationInfo migration : flyway(MigrationVersion.LATEST).info().all()) {
            if (description.equals(migration.getDescription())) {
                return before;
            }
            before = migration.getVersion();
        }
        throw new IllegalStateException("no migration " + description);
    }

    private Flyway flyway(MigrationVersion target) {
        return Flyway.configure().dataSource(url, user(), password()).locations("classpath:db/migration")
                .table("app_schema_history").target(target).load();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user(), password());
    }

    private String user() {
        return scratch == null ? "sa" : System.getenv().getOrDefault("DB_USER", "root");
    }

    private String password() {
        return scratch == null ? "" : System.getenv().getOrDefault("DB_PASSWORD", "");
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
