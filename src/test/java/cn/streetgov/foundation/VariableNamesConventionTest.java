package cn.streetgov.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Process variable names are written once, in the process class of their BPMN
 * ({@code cn/streetgov/<workflow>/process/*Process.java}); every other class of the workflow uses
 * the constant, so a renamed variable breaks the compile, not a running case.
 *
 * <p>The variable names are the values of the {@code static final String} constants
 * <ul>
 * <li>in the nested {@code Vars} class of a process class that has one (its other constants are
 * element ids, decision values, bean names), or</li>
 * <li>of a process class without a {@code Vars} class, whose value is a lowerCamelCase identifier
 * (element ids have an underscore, keys a hyphen, decision values are upper case).</li>
 * </ul>
 *
 * <p>Every string literal in the Java sources of the workflow packages ({@code delegation},
 * {@code appointment}, {@code whistle}, {@code assessment}), except the process classes themselves,
 * must differ from all of them. Not looked at: comments, text blocks, and annotation values
 * ({@code @Column(name = …)}, {@code @JsonProperty(…)}, request mappings: a column or a JSON
 * property is no variable access even when it has the same name), and the shared kernel
 * {@code casework}, which is generic and names no workflow's variables. The JSON of a REST answer
 * is a record's components, not a map with literal keys.
 */
class VariableNamesConventionTest {

    static final Path SOURCES = Path.of("src/main/java/cn/streetgov");
    static final List<String> WORKFLOWS = List.of("delegation", "appointment", "whistle", "assessment", "majormatter",
            "admission");
    static final Pattern CONSTANT = Pattern.compile("static final String \\w+ = \"([^\"\\\\]*)\"");
    static final Pattern LOWER_CAMEL = Pattern.compile("[a-z][A-Za-z0-9]*");

    @Test
    void noVariableNameIsWrittenAsALiteralOutsideTheProcessClasses() throws IOException {
        Map<String, Set<String>> names = variableNames();
        Set<String> all = new TreeSet<>();
        names.values().forEach(all::addAll);
        assertThat(names.keySet()).as("process classes").hasSizeGreaterThanOrEqualTo(8);
        names.forEach((source, values) -> assertThat(values).as("variable names of " + source).isNotEmpty());
        assertThat(all).as("variable names").hasSizeGreaterThan(100).contains("caseId", "deptCode", "outcome");

        List<String> problems = new ArrayList<>();
        int scanned = 0;
        for (String workflow : WORKFLOWS) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(workflow))) {
                for (Path source : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    if (isProcessClass(source)) {
                        continue;
                    }
                    scanned++;
                    for (Literal literal : literals(Files.readString(source, StandardCharsets.UTF_8))) {
                        if (all.contains(literal.value())) {
                            problems.add(source + ":" + literal.line() + ": \"" + literal.value()
                                    + "\" is a variable name: use the constant of the process class");
                        }
                    }
                }
            }
        }
        assertThat(scanned).as("workflow sources scanned").isGreaterThan(50);
        assertThat(problems).as("variable names written as literals").isEmpty();
    }

    /** The scanner itself: code literals count; comments, text blocks and annotation values do not. */
    @Test
    void theScannerSeesCodeLiteralsOnly() {
        String source = """
                @Component("caseBean")
                class Sample {
                    @Column(name = "caseId", length = 20) // "inLineComment"
                    Long id;
                    /** {@code "inJavadoc"} */
                    void run(Execution e) {
                        e.setVariable("caseId", '"');
                        e.getVariable("escaped\\"quote");
                        String sql = \"""
                            select "inTextBlock"
                            \""";
                        @SuppressWarnings({"unchecked", "rawtypes"}) Object o = call("deptCode");
                    }
                }
                """;
        assertThat(literals(source)).containsExactly(new Literal("caseId", 7), new Literal("escaped\\\"quote", 8),
                new Literal("deptCode", 12));
    }

    static boolean isProcessClass(Path source) {
        return source.getParent().getFileName().toString().equals("process")
                && source.getFileName().toString().endsWith("Process.java");
    }

    /** Variable names by process class, as the class javadoc says. */
    static Map<String, Set<String>> variableNames() throws IOException {
        Map<String, Set<String>> names = new TreeMap<>();
        for (String workflow : WORKFLOWS) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(workflow))) {
                for (Path source : files.filter(VariableNamesConventionTest::isProcessClass).sorted().toList()) {
                    String text = Files.readString(source, StandardCharsets.UTF_8);
                    int vars = text.indexOf("static final class Vars ");
                    String scope = vars < 0 ? text : body(text, text.indexOf('{', vars));
                    Set<String> values = new TreeSet<>();
                    Matcher m = CONSTANT.matcher(scope);
                    while (m.find()) {
                        if (vars >= 0 || LOWER_CAMEL.matcher(m.group(1)).matches()) {
                            values.add(m.group(1));
                        }
                    }
                    names.put(source.getFileName().toString(), values);
                }
            }
        }
        return names;
    }

    /** The text between the brace at {@code open} and its closing brace. */
    private static String body(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return text.substring(open + 1, i);
            }
        }
        throw new IllegalStateException("unbalanced braces after " + open);
    }

    record Literal(String value, int line) {
    }

    /**
     * The string literals of a Java source (value as written, without quotes) outside comments,
     * text blocks and the parentheses of an annotation.
     */
    static List<Literal> literals(String s) {
        List<Literal> literals = new ArrayList<>();
        int line = 1;
        int annotationDepth = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (s.startsWith("//", i)) {
                i = s.indexOf('\n', i) < 0 ? s.length() : s.indexOf('\n', i);
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2) + 2;
                line += count(s, i, end);
                i = end;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3) + 3;
                line += count(s, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (s.charAt(j) != c) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"' && annotationDepth == 0) {
                    literals.add(new Literal(s.substring(i + 1, j), line));
                }
                i = j + 1;
            } else if (c == '@' && annotationDepth == 0) {
                int j = i + 1;
                while (j < s.length() && (Character.isJavaIdentifierPart(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                while (j < s.length() && s.charAt(j) == ' ') {
                    j++;
                }
                if (j < s.length() && s.charAt(j) == '(') {
                    annotationDepth = 1;
                    j++;
                }
                i = j;
            } else {
                if (annotationDepth > 0 && c == '(') {
                    annotationDepth++;
                } else if (annotationDepth > 0 && c == ')') {
                    annotationDepth--;
                }
                i++;
            }
        }
        return literals;
    }

    private static int count(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
