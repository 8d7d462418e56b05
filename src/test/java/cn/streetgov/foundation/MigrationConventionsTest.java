package cn.streetgov.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The conventions of src/main/resources/db/migration (docs/DEVELOPING.md, "Migrations"), read
 * from the files themselves:
 * <ul>
 * <li>file names {@code V<n>__<snake_case>.sql}, versions unique;</li>
 * <li>one global version order: Flyway refuses a migration whose version is below one a database
 *     already has, so there are no per-feature ranges; after {@link #LAST_OF_THE_RANGES} every new
 *     migration takes the next number, whatever its feature;</li>
 * <li>every constraint and index is named (a generated name differs between H2 and MariaDB, and a
 *     later migration could not drop it portably), after its table: {@code pk_<table>},
 *     {@code fk_<table>_<referenced>}, {@code uq_<table>[_<what>]}, {@code ck_<table>_<column>},
 *     {@code ix_<table>_<what>}; names unique over all migrations, at most 64 characters;</li>
 * <li>keys: every table has a primary key; a generated key is {@code id bigint not null
 *     auto_increment primary key}; a single-column primary key may stay inline and unnamed
 *     (MariaDB calls every primary key PRIMARY).</li>
 * </ul>
 * The checker is tested on bad examples too, so that it can fail.
 */
class MigrationConventionsTest {

    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");

    /**
     * Versions 1–50 were given out in ranges per feature (V10–V12 delegation, V20 appointment …)
     * before this convention; databases have them, so they keep their numbers. After V50 the
     * versions are consecutive: a new migration is the highest version + 1.
     */
    static final int LAST_OF_THE_RANGES = 50;
    private static final Set<Integer> VERSIONS_OF_THE_RANGES = Set.of(1, 2, 10, 11, 12, 20, 30, 40, 50);

    private static final Pattern FILE_NAME = Pattern.compile("V([1-9][0-9]*)__([a-z0-9]+(?:_[a-z0-9]+)*)\\.sql");

    @Test
    void migrationsFollowTheConventions() throws IOException {
        List<String> violations = new ArrayList<>();
        List<String> names;
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names).as("migrations in " + MIGRATIONS).isNotEmpty();
        violations.addAll(fileNameViolations(names));
        Map<String, String> sql = new TreeMap<>();
        for (String name : names) {
            sql.put(name, Files.readString(MIGRATIONS.resolve(name), StandardCharsets.UTF_8));
        }
        violations.addAll(schemaViolations(sql));
        assertThat(violations).as("migrations breaking the conventions of docs/DEVELOPING.md").isEmpty();
    }

    @Test
    void fileNamesAndVersionOrderAreChecked() {
        assertThat(fileNameViolations(List.of("V1__organisation.sql", "V51__casework.sql", "V52__more_things.sql")))
                .isEmpty();
        assertThat(fileNameViolations(List.of("V1__organisation.sql", "V1__other.sql")))
                .anyMatch(v -> v.contains("V1 is used by V1__organisation.sql and V1__other.sql"));
        assertThat(fileNameViolations(List.of("V1__Organisation.sql", "V2_audit.sql", "V3.1__x.sql", "V04__x.sql",
                "R__views.sql", "notes.txt"))).hasSize(6);
        // a later migration of an older feature in "its" range falls behind: Flyway refuses it
        assertThat(fileNameViolations(List.of("V50__audit.sql", "V51__casework.sql", "V13__delegation_more.sql")))
                .anyMatch(v -> v.contains("V13") && v.contains("out of order"));
        // a range kept free for a feature leaves a gap that a later migration of it would fall into
        assertThat(fileNameViolations(List.of("V50__audit.sql", "V51__casework.sql", "V60__whistle_more.sql")))
                .anyMatch(v -> v.contains("V60") && v.contains("V52"));
    }

    @Test
    void unnamedOrMisnamedConstraintsAreFound() {
        assertThat(violations("""
                -- a comment with unique and references in it
                create table good_case (
                    id        bigint       not null auto_increment primary key,
                    case_no   varchar(20)  not null,
                    org_code  varchar(16)  not null,
                    note      varchar(100) default 'check; unique -- references',
                    constraint uq_good_case_no unique (case_no),
                    constraint fk_good_case_org foreign key (org_code) references org_unit (code),
                    constraint ck_good_case_note check (note <> '')
                );
                create table good_pair (
                    case_id bigint not null,
                    code    varchar(4) not null,
                    constraint pk_good_pair primary key (case_id, code),
                    constraint fk_good_pair_case foreign key (case_id) references good_case (id)
                );
                create index ix_good_case_org on good_case (org_code);
                alter table good_case add column version bigint default 0 not null;
                alter table good_case add constraint uq_good_case_org unique (org_code, case_no);
                """)).isEmpty();
        assertThat(violations("create table t (id bigint not null primary key, code varchar(3) unique)"))
                .anyMatch(v -> v.contains("unnamed unique"));
        assertThat(violations("create table t (id bigint not null primary key, org varchar(3) references o (c))"))
                .anyMatch(v -> v.contains("unnamed foreign key"));
        assertThat(violations("create table t (id bigint not null primary key, n int check (n > 0))"))
                .anyMatch(v -> v.contains("unnamed check"));
        assertThat(violations("create table t (a int not null, b int not null, primary key (a, b))"))
                .anyMatch(v -> v.contains("unnamed primary key"));
        assertThat(violations("create table t (id bigint not null primary key, constraint uk_t_id unique (id))"))
                .anyMatch(v -> v.contains("uk_t_id") && v.contains("uq_t"));
        assertThat(violations("create table t (id bigint not null primary key, o varchar(3),"
                + " constraint fk_other_o foreign key (o) references org_unit (code))"))
                .anyMatch(v -> v.contains("fk_other_o") && v.contains("fk_t_"));
        assertThat(violations("create table t (id bigint not null primary key, o varchar(3),"
                + " constraint fk_t_person foreign key (o) references org_unit (code))"))
                .anyMatch(v -> v.contains("fk_t_person") && v.contains("org_unit"));
        assertThat(violations("create table t (id bigint not null primary key); create index t_idx on t (id)"))
                .anyMatch(v -> v.contains("t_idx") && v.contains("ix_t_"));
        assertThat(violations("create table t (id bigint not null primary key); create unique index ix_t_id on t (id)"))
                .anyMatch(v -> v.contains("ix_t_id") && v.contains("uq_t"));
        assertThat(violations("create table t (code varchar(3) not null)"))
                .anyMatch(v -> v.contains("t has no primary key"));
        assertThat(violations("create table t (seq int not null auto_increment primary key)"))
                .anyMatch(v -> v.contains("generated key"));
        assertThat(violations("create table t (id bigint not null primary key); alter table t add unique (id)"))
                .anyMatch(v -> v.contains("unnamed unique"));
        assertThat(violations("create table t (id bigint not null primary key, constraint ck_t_a check (id > 0),"
                + " constraint ck_t_a check (id < 9))")).anyMatch(v -> v.contains("ck_t_a") && v.contains("twice"));
    }

    // ---- the checker ------------------------------------------------------------------------

    static List<String> fileNameViolations(List<String> names) {
        List<String> violations = new ArrayList<>();
        Map<Integer, String> byVersion = new TreeMap<>();
        for (String name : names) {
            Matcher m = FILE_NAME.matcher(name);
            if (!m.matches()) {
                violations.add(name + ": not V<n>__<snake_case>.sql (n a whole number without leading zeros)");
                continue;
            }
            int version = Integer.parseInt(m.group(1));
            String other = byVersion.putIfAbsent(version, name);
            if (other != null) {
                violations.add("V" + version + " is used by " + other + " and " + name);
            }
        }
        int expected = LAST_OF_THE_RANGES + 1;
        for (int version : byVersion.keySet()) {
            if (version <= LAST_OF_THE_RANGES) {
                if (!VERSIONS_OF_THE_RANGES.contains(version)) {
                    violations.add(byVersion.get(version) + ": V" + version + " is out of order, below V"
                            + LAST_OF_THE_RANGES + " which databases already have (Flyway refuses it): use the "
                            + "highest version + 1");
                }
            } else if (version != expected) {
                violations.add(byVersion.get(version) + ": the next version is V" + expected
                        + " (versions after V" + LAST_OF_THE_RANGES + " are consecutive, whatever the feature)");
                expected = version + 1;
            } else {
                expected++;
            }
        }
        return violations;
    }

    /** Violations of the naming and key conventions in the given files (name → SQL). */
    static List<String> schemaViolations(Map<String, String> files) {
        List<String> violations = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            for (String statement : statements(file.getValue())) {
                check(file.getKey(), statement, violations, names);
            }
        }
        return violations;
    }

    private static List<String> violations(String sql) {
        return schemaViolations(Map.of("V1__sample.sql", sql));
    }

    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?s)create table (?:if not exists )?(\\w+)\\s*\\((.*)\\)\\s*");
    private static final Pattern NAMED =
            Pattern.compile("(?s)constraint (\\w+) (primary key|foreign key|unique|check)\\b(.*)");
    private static final Pattern CREATE_INDEX =
            Pattern.compile("(?s)create (unique )?index (?:if not exists )?(\\w+) on (\\w+)\\s*\\((.*)\\)");
    private static final Pattern ALTER_ADD =
            Pattern.compile("(?s)alter table (\\w+) add (?!column )(constraint .*|primary key.*|foreign key.*|unique.*|check.*)");
    private static final Pattern ALTER_ADD_COLUMN = Pattern.compile("(?s)alter table (\\w+) add column (.*)");
    private static final Pattern REFERENCES = Pattern.compile("references (\\w+)");
    private static final Pattern COLUMNS = Pattern.compile("^\\s*\\(([^)]*)\\)");

    private static void check(String file, String statement, List<String> violations, Map<String, String> names) {
        Matcher table = CREATE_TABLE.matcher(statement);
        Matcher index = CREATE_INDEX.matcher(statement);
        Matcher alter = ALTER_ADD.matcher(statement);
        Matcher addColumn = ALTER_ADD_COLUMN.matcher(statement);
        if (table.matches()) {
            String name = table.group(1);
            boolean primaryKey = false;
            for (String item : items(table.group(2))) {
                Matcher named = NAMED.matcher(item);
                if (named.matches()) {
                    primaryKey |= named.group(2).equals("primary key");
                    checkName(file, name, named.group(1), named.group(2), named.group(3), violations, names);
                } else if (item.startsWith("primary key")) {
                    violations.add(file + ": unnamed primary key of " + name + " (constraint pk_" + name + ")");
                    primaryKey = true;
                } else if (item.matches("(?s)(foreign key|unique|check)\\b.*")) {
                    violations.add(file + ": unnamed " + item.replaceFirst("(?s)^(foreign key|unique|check).*", "$1")
                            + " in " + name + " (constraint <prefix>_" + name + "_…)");
                } else {
                    primaryKey |= columnViolations(file, name, item, violations);
                }
            }
            if (!primaryKey) {
                violations.add(file + ": table " + name + " has no primary key");
            }
        } else if (index.matches()) {
            String kind = index.group(1) == null ? "index" : "unique";
            checkName(file, index.group(3), index.group(2), kind, "(" + index.group(4) + ")", violations, names);
        } else if (alter.matches()) {
            Matcher named = NAMED.matcher(alter.group(2));
            if (named.matches()) {
                checkName(file, alter.group(1), named.group(1), named.group(2), named.group(3), violations, names);
            } else {
                violations.add(file + ": unnamed " + alter.group(2).replaceFirst("(?s)^(primary key|foreign key|unique|check).*", "$1")
                        + " added to " + alter.group(1));
            }
        } else if (addColumn.matches()) {
            columnViolations(file, addColumn.group(1), addColumn.group(2), violations);
        }
    }

    /** Inline constraints of a column definition; true when it is the (inline) primary key. */
    private static boolean columnViolations(String file, String table, String column, List<String> violations) {
        String name = column.split("\\s+")[0];
        for (String inline : List.of("unique", "check", "references")) {
            if (Pattern.compile("\\b" + inline + "\\b").matcher(column).find()) {
                String what = inline.equals("references") ? "foreign key" : inline;
                violations.add(file + ": unnamed " + what + " on " + table + "." + name
                        + " (declare it as a named constraint)");
            }
        }
        if (column.contains("auto_increment") && !column.matches("(?s)id bigint not null auto_increment primary key")) {
            violations.add(file + ": generated key " + table + "." + name
                    + " is not 'id bigint not null auto_increment primary key'");
        }
        return column.contains("primary key");
    }

    private static void checkName(String file, String table, String name, String kind, String rest,
            List<String> violations, Map<String, String> names) {
        String prefix = switch (kind) {
            case "primary key" -> "pk";
            case "foreign key" -> "fk";
            case "unique" -> "uq";
            case "check" -> "ck";
            default -> "ix";
        };
        String other = names.put(name, file);
        if (other != null) {
            violations.add(file + ": " + name + " is named twice (also in " + other + "); H2 wants constraint names "
                    + "unique in the schema, MariaDB foreign key names unique in the database");
        }
        if (name.length() > 64) {
            violations.add(file + ": " + name + " is longer than MariaDB's 64 characters");
        }
        String base = prefix + "_" + table;
        boolean suffixRequired = prefix.equals("fk") || prefix.equals("ck") || prefix.equals("ix");
        boolean matches = prefix.equals("pk") ? name.equals(base)
                : suffixRequired ? name.startsWith(base + "_") && name.length() > base.length() + 1
                : name.equals(base) || name.startsWith(base + "_");
        if (!matches) {
            violations.add(file + ": " + kind + " " + name + " on " + table + " is not named "
                    + (prefix.equals("pk") ? base : base + (suffixRequired ? "_<what>" : "[_<what>]")));
            return;
        }
        if (prefix.equals("fk")) {
            Matcher columns = COLUMNS.matcher(rest);
            Matcher referenced = REFERENCES.matcher(rest);
            List<String> words = new ArrayList<>();
            if (columns.find()) {
                for (String column : columns.group(1).split(",")) {
                    words.addAll(Arrays.asList(column.trim().split("_")));
                }
            }
            String target = referenced.find() ? referenced.group(1) : "?";
            words.addAll(Arrays.asList(target.split("_")));
            for (String word : name.substring(base.length() + 1).split("_")) {
                if (!words.contains(word)) {
                    violations.add(file + ": foreign key " + name + " does not name what it references ("
                            + target + ", by " + (columns.find(0) ? columns.group(1).trim() : "?") + ")");
                    break;
                }
            }
        }
    }

    /** Statements of a file, lower case, without comments and with string literals emptied. */
    static List<String> statements(String sql) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int end = i + 1;
                while (end < sql.length() && !(sql.charAt(end) == '\'' && (end + 1 >= sql.length() || sql.charAt(end + 1) != '\''))) {
                    end += sql.charAt(end) == '\'' ? 2 : 1;
                }
                text.append("''");
                i = end;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
                text.append('\n');
            } else {
                text.append(c);
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : text.toString().split(";")) {
            String normalised = statement.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
            if (!normalised.isEmpty()) {
                statements.add(normalised);
            }
        }
        return statements;
    }

    /** The comma-separated items of a create table body, ignoring commas inside parentheses. */
    private static List<String> items(String body) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : body.toCharArray()) {
            if (c == ',' && depth == 0) {
                items.add(current.toString().trim());
                current.setLength(0);
                continue;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            current.append(c);
        }
        if (!current.toString().isBlank()) {
            items.add(current.toString().trim());
        }
        return items;
    }
}
