package cn.streetgov.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Fills the database with finished cases as consistent rows: every row one real, finished case left
 * in the engine's history and in our tables (the template) is copied {@code n} times with JDBC batches,
 * each copy with its own ids (process instance, executions, activity instances, tasks, the business key
 * and case number, our generated keys and the keys that refer to them) and its times moved back, so
 * that the copies spread over the months before the template. What a copy keeps from the template:
 * the process definition, the activities, users, groups, organisations, decisions, payloads (audit
 * hashes are copied as they are, so a copy's chain does not verify; the benchmark reads the template's).
 */
final class HistoryCloner {

    /** A table of the template: its name, the rows of the case, and how its rows are found. */
    private record Table(String name, String where, List<String> columns, List<Integer> types, List<Object[]> rows) {
    }

    /** Our generated keys: the column {@code id} of these tables. */
    private static final Set<String> GENERATED_KEYS = Set.of("case_index", "case_index_done", "audit_record",
            "case_decision", "whistle_case", "whistle_summons");
    /** Columns holding one of our generated keys, and the table it belongs to. */
    private static final Map<String, String> REFERENCES = Map.of(
            "case_index_org.case_index_id", "case_index",
            "whistle_summons.case_id", "whistle_case");

    private final DataSource dataSource;
    private final List<Table> tables = new ArrayList<>();
    private final Set<String> ids = new java.util.LinkedHashSet<>();
    private String businessKey;

    HistoryCloner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reads the rows of one finished case (a top-level instance without called cases). */
    HistoryCloner template(String processInstanceId) throws SQLException {
        tables.clear();
        ids.clear();
        String pi = "'" + processInstanceId.replace("'", "") + "'";
        Map<String, String> wheres = new LinkedHashMap<>();
        wheres.put("ACT_HI_PROCINST", "PROC_INST_ID_ = " + pi);
        wheres.put("ACT_HI_ACTINST", "PROC_INST_ID_ = " + pi);
        wheres.put("ACT_HI_TASKINST", "PROC_INST_ID_ = " + pi);
        wheres.put("case_index", "process_instance_id = " + pi);
        wheres.put("case_index_org", "case_index_id in (select id from case_index where process_instance_id = " + pi + ")");
        wheres.put("case_index_done", "process_instance_id = " + pi);
        wheres.put("case_decision", "process_instance_id = " + pi);
        wheres.put("audit_record", "process_instance_id = " + pi);
        wheres.put("audit_chain_head", "process_instance_id = " + pi);
        wheres.put("whistle_case", "process_instance_id = " + pi);
        wheres.put("whistle_summons", "case_id in (select id from whistle_case where process_instance_id = " + pi + ")");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> t : wheres.entrySet()) {
                try (ResultSet rs = s.executeQuery("select * from " + t.getKey() + " where " + t.getValue())) {
                    ResultSetMetaData md = rs.getMetaData();
                    List<String> columns = new ArrayList<>();
                    List<Integer> types = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        columns.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
                        types.add(md.getColumnType(i));
                    }
                    List<Object[]> rows = new ArrayList<>();
                    while (rs.next()) {
                        Object[] row = new Object[columns.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = isTime(types.get(i)) ? rs.getTimestamp(i + 1) : rs.getObject(i + 1);
                        }
                        rows.add(row);
                    }
                    tables.add(new Table(t.getKey(), t.getValue(), columns, types, rows));
                }
            }
        }
        Table procinst = table("ACT_HI_PROCINST");
        if (procinst.rows().size() != 1 || value(procinst, 0, "end_time_") == null) {
            throw new IllegalStateException("the template must be one finished case: " + processInstanceId);
        }
        businessKey = (String) value(procinst, 0, "business_key_");
        collectIds("ACT_HI_PROCINST", "id_", "proc_inst_id_", "root_proc_inst_id_");
        collectIds("ACT_HI_ACTINST", "id_", "execution_id_", "task_id_");
        collectIds("ACT_HI_TASKINST", "id_", "execution_id_");
        return this;
    }

    int activityInstancesPerCase() {
        return table("ACT_HI_ACTINST").rows().size();
    }

    Map<String, Integer> rowsPerCase() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        tables.forEach(t -> counts.put(t.name(), t.rows().size()));
        return counts;
    }

    /**
     * Inserts {@code copies} copies, copy k moved back by (k + 1) × {@code spacingMillis}; one batch of
     * every table per {@code casesPerBatch} copies, a commit after each.
     */
    void insert(int copies, long spacingMillis, int casesPerBatch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            Map<String, Long> bases = new HashMap<>();
            for (String name : GENERATED_KEYS) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from " + name)) {
                    rs.next();
                    bases.put(name, rs.getLong(1) + 1);
                }
            }
            Map<String, Map<Long, Integer>> keyIndex = new HashMap<>();
            for (Table t : tables) {
                if (GENERATED_KEYS.contains(t.name())) {
                    Map<Long, Integer> index = new HashMap<>();
                    int idColumn = t.columns().indexOf("id");
                    for (int j = 0; j < t.rows().size(); j++) {
                        index.put(((Number) t.rows().get(j)[idColumn]).longValue(), j);
                    }
                    keyIndex.put(t.name(), index);
                }
            }
            List<PreparedStatement> statements = new ArrayList<>();
            try {
                for (Table t : tables) {
                    statements.add(c.prepareStatement("insert into " + t.name() + " (" + String.join(", ", t.columns())
                            + ") values (" + String.join(", ", t.columns().stream().map(x -> "?").toList()) + ")"));
                }
                for (int k = 0; k < copies; k++) {
                    long shift = (k + 1L) * spacingMillis;
                    Map<String, String> mapped = new HashMap<>();
                    int n = 0;
                    for (String id : ids) {
                        mapped.put(id, copyId(k, n++));
                    }
                    if (businessKey != null) {
                        mapped.put(businessKey, businessKey + "-" + k);
                    }
                    for (int ti = 0; ti < tables.size(); ti++) {
                        Table t = tables.get(ti);
                        PreparedStatement ps = statements.get(ti);
                        for (int j = 0; j < t.rows().size(); j++) {
                            Object[] row = t.rows().get(j);
                            for (int i = 0; i < row.length; i++) {
                                String column = t.columns().get(i);
                                Object v = row[i];
                                String ref = REFERENCES.get(t.name() + "." + column);
                                if (v == null) {
                                    ps.setNull(i + 1, t.types().get(i));
                                } else if (column.equals("id") && GENERATED_KEYS.contains(t.name())) {
                                    ps.setLong(i + 1, bases.get(t.name()) + (long) k * t.rows().size() + j);
                                } else if (ref != null) {
                                    int refRow = keyIndex.get(ref).get(((Number) v).longValue());
                                    ps.setLong(i + 1, bases.get(ref) + (long) k * table(ref).rows().size() + refRow);
                                } else if (v instanceof Timestamp ts) {
                                    ps.setTimestamp(i + 1, new Timestamp(ts.getTime() - shift));
                                } else if (v instanceof String s) {
                                    ps.setString(i + 1, mapped.getOrDefault(s, s));
                                } else {
                                    ps.setObject(i + 1, v);
                                }
                            }
                            ps.addBatch();
                        }
                    }
                    if ((k + 1) % casesPerBatch == 0 || k == copies - 1) {
                        for (PreparedStatement ps : statements) {
                            ps.executeBatch();
                        }
                        c.commit();
                    }
                }
            } finally {
                for (PreparedStatement ps : statements) {
                    ps.close();
                }
            }
            if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")) {
                // H2's identity columns do not move past explicit keys (MariaDB's auto_increment does)
                for (String name : GENERATED_KEYS) {
                    try (Statement s = c.createStatement()) {
                        s.execute("alter table " + name + " alter column id restart with "
                                + (bases.get(name) + (long) copies * table(name).rows().size() + 1));
                    }
                }
                c.commit();
            }
            c.setAutoCommit(autoCommit);
        }
    }

    /** A fresh id of the same length class as the engine's UUIDs, the same for the same copy and id. */
    private static String copyId(int copy, int id) {
        return new UUID(0x5ca1e00000000000L | copy, 0x8000000000000000L | id).toString();
    }

    private void collectIds(String table, String... columns) {
        Table t = table(table);
        for (String column : columns) {
            int i = t.columns().indexOf(column);
            for (Object[] row : t.rows()) {
                if (row[i] instanceof String s) {
                    ids.add(s);
                }
            }
        }
    }

    private Table table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static Object value(Table t, int row, String column) {
        return t.rows().get(row)[t.columns().indexOf(column)];
    }

    private static boolean isTime(int type) {
        return type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE || type == Types.DATE;
    }
}
