package cn.streetgov.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What must hold after a fault run, read from the database and the audit verify API:
 * <ul>
 * <li>every acknowledged start exists, exactly once (no two cases with one case number);</li>
 * <li>every acknowledged completion is a completed task in the history, gone from the runtime;</li>
 * <li>every case has ended, or waits at an open task (no incident, no stuck execution);</li>
 * <li>our tables and the engine agree: no row of ours names a process instance the engine does not
 * know, every case of a workflow has exactly one row in its workflow's table and in the case index;</li>
 * <li>the audit chain of every case verifies ({@code GET /api/audit/{id}/verify} as the auditor).</li>
 * </ul>
 */
final class Consistency {

    /** Our tables that hold one row per case, by definition key. */
    private static final Map<String, String> CASE_TABLES = Map.of(
            "whistle-dispatch", "whistle_case", "power-delegation", "dlg_case", "duty-admission", "duty_admission_case",
            "duty-exit", "duty_exit_case");

    int acknowledgedStarts;
    int acknowledgedCompletions;
    int lostStarts;
    int duplicatedCases;
    int lostCompletions;
    int unfinished;
    int incidents;
    int orphanRows;
    int missingRows;
    int brokenChains;
    int casesChecked;
    int unacknowledgedSaved;
    final List<String> problems = new ArrayList<>();

    static Consistency check(TestDatabase db, Workload workload, RestClient rest, boolean mustHaveEnded) throws SQLException {
        Consistency c = new Consistency();
        c.acknowledgedStarts = workload.acknowledgedStarts.size();
        c.acknowledgedCompletions = workload.acknowledgedCompletions.size();
        c.duplicatedCases = workload.duplicateAcknowledgements.get();
        try (Connection jdbc = db.connect()) {
            Set<String> ended = new HashSet<>();
            Set<String> known = new HashSet<>();
            try (Statement s = jdbc.createStatement(); ResultSet rs = s.executeQuery(
                    "select ID_, END_TIME_ from ACT_HI_PROCINST where PROC_DEF_KEY_ in ('whistle-dispatch','power-delegation')")) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                    if (rs.getTimestamp(2) != null) {
                        ended.add(rs.getString(1));
                    }
                }
            }
            for (String id : workload.acknowledgedStarts.keySet()) {
                if (!known.contains(id)) {
                    c.lostStarts++;
                    c.problems.add("acknowledged start lost: " + id);
                } else if (mustHaveEnded && !ended.contains(id)) {
                    c.unfinished++;
                    c.problems.add("case not finished: " + id);
                }
            }
            c.unacknowledgedSaved = (int) known.stream().filter(id -> !workload.acknowledgedStarts.containsKey(id)).count();
            c.duplicatedCases += count(jdbc, "select count(*) from (select BUSINESS_KEY_ from ACT_HI_PROCINST where BUSINESS_KEY_ is not null"
                    + " and PROC_DEF_KEY_ in ('whistle-dispatch','power-delegation') group by BUSINESS_KEY_ having count(*) > 1) d");
            c.lostCompletions = lostCompletions(jdbc, workload.acknowledgedCompletions, c.problems);
            c.incidents = count(jdbc, "select count(*) from ACT_RU_INCIDENT");
            // an open case waits at a task, a timer or a message; an execution with nothing to wait for is stuck
            c.unfinished += count(jdbc, "select count(*) from ACT_RU_EXECUTION e where e.ID_ = e.PROC_INST_ID_"
                    + " and not exists (select 1 from ACT_RU_TASK t where t.PROC_INST_ID_ = e.ID_)"
                    + " and not exists (select 1 from ACT_RU_JOB j where j.PROCESS_INSTANCE_ID_ = e.ID_)"
                    + " and not exists (select 1 from ACT_RU_EVENT_SUBSCR m where m.PROC_INST_ID_ = e.ID_)"
                    + " and not exists (select 1 from ACT_RU_EXECUTION sub where sub.SUPER_EXEC_ IN"
                    + "   (select x.ID_ from ACT_RU_EXECUTION x where x.PROC_INST_ID_ = e.ID_))");
            c.orphanRows = orphanRows(jdbc, c.problems);
            for (Map.Entry<String, String> table : CASE_TABLES.entrySet()) {
                c.missingRows += count(jdbc, "select count(*) from ACT_HI_PROCINST p where p.PROC_DEF_KEY_ = '" + table.getKey()
                        + "' and not exists (select 1 from " + table.getValue() + " w where w.process_instance_id = p.ID_)");
                c.duplicatedCases += count(jdbc, "select count(*) from (select process_instance_id from " + table.getValue()
                        + " where process_instance_id is not null group by process_instance_id having count(*) > 1) d");
            }
            c.missingRows += count(jdbc, "select count(*) from ACT_HI_PROCINST p where p.PROC_DEF_KEY_ in"
                    + " ('whistle-dispatch','power-delegation') and not exists"
                    + " (select 1 from case_index i where i.process_instance_id = p.ID_)");
            if (c.missingRows > 0) {
                c.problems.add(c.missingRows + " cases without their row in our tables");
            }
            for (String id : known) {
                RestClient.Response verify = rest.get("auditor", "/api/audit/" + id + "/verify");
                c.casesChecked++;
                if (!verify.ok() || !verify.json().path("intact").asBoolean(false)) {
                    c.brokenChains++;
                    c.problems.add("audit chain of " + id + ": " + verify);
                }
            }
        }
        return c;
    }

    private static int lostCompletions(Connection jdbc, Set<String> taskIds, List<String> problems) throws SQLException {
        int lost = 0;
        try (PreparedStatement done = jdbc.prepareStatement(
                "select count(*) from ACT_HI_TASKINST where ID_ = ? and END_TIME_ is not null");
             PreparedStatement open = jdbc.prepareStatement("select count(*) from ACT_RU_TASK where ID_ = ?")) {
            for (String id : taskIds) {
                done.setString(1, id);
                open.setString(1, id);
                if (single(done) != 1 || single(open) != 0) {
                    lost++;
                    problems.add("acknowledged completion not kept: task " + id);
                }
            }
        }
        return lost;
    }

    /** Rows of our tables (not the engine's) naming a process instance the engine has no record of. */
    static int orphanRows(Connection jdbc, List<String> problems) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = jdbc.createStatement(); ResultSet rs = s.executeQuery(
                "select table_name from information_schema.columns where table_schema = database()"
                        + " and lower(column_name) = 'process_instance_id' and lower(table_name) not like 'act\\_%'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        int orphans = 0;
        for (String table : tables) {
            int n = count(jdbc, "select count(*) from " + table + " t where t.process_instance_id is not null"
                    + " and not exists (select 1 from ACT_HI_PROCINST p where p.ID_ = t.process_instance_id)");
            if (n > 0) {
                problems.add(n + " orphan rows in " + table);
            }
            orphans += n;
        }
        return orphans;
    }

    static int count(Connection jdbc, String sql) throws SQLException {
        try (Statement s = jdbc.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int single(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public String toString() {
        return "acknowledged starts " + acknowledgedStarts + ", acknowledged completions " + acknowledgedCompletions
                + ", saved starts whose answer was lost " + unacknowledgedSaved + ", cases checked " + casesChecked
                + " — lost starts " + lostStarts + ", duplicated " + duplicatedCases + ", lost completions " + lostCompletions
                + ", unfinished " + unfinished + ", incidents " + incidents + ", orphan rows " + orphanRows
                + ", missing rows " + missingRows + ", broken chains " + brokenChains
                + (problems.isEmpty() ? "" : "; first problems: " + problems.subList(0, Math.min(10, problems.size())));
    }
}
