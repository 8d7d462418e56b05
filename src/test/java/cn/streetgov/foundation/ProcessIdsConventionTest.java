package cn.streetgov.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every element id of every BPMN in processes/ (flow nodes, messages, errors) is named in the
 * process class of its process (the class whose {@code KEY} is the process id), and no process
 * class names an element id its BPMN does not have: a renamed id breaks the build, not a case.
 */
class ProcessIdsConventionTest {

    static final Path PROCESSES = Path.of("processes");
    static final Path SOURCES = Path.of("src/main/java");
    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final Set<String> NOT_NAMED = Set.of("sequenceFlow", "incoming", "outgoing", "extensionElements",
            "conditionExpression", "multiInstanceLoopCharacteristics", "timerEventDefinition",
            "messageEventDefinition", "errorEventDefinition", "documentation", "laneSet", "lane",
            "flowNodeRef", "timeDuration", "timeDate", "timeCycle", "loopCardinality", "completionCondition");
    static final Pattern CONSTANT = Pattern.compile("static final String \\w+ = \"([^\"]+)\"");
    static final Pattern KEY = Pattern.compile("static final String KEY = \"([^\"]+)\"");
    static final Pattern ELEMENT_ID = Pattern.compile(
            "(userTask|serviceTask|businessRuleTask|sendTask|receiveTask|scriptTask|callActivity|subProcess"
                    + "|startEvent|endEvent|boundaryEvent|timerEvent|messageEvent|intermediateEvent|gateway"
                    + "|Message|Error|Signal|Escalation)_[A-Za-z0-9]+");

    @Test
    void everyElementIdIsNamedInItsProcessClassAndNothingElse() throws Exception {
        Map<String, Path> classes = processClasses();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.list(PROCESSES)) {
            for (Path bpmn : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                Document doc = parse(bpmn);
                NodeList processes = doc.getElementsByTagNameNS(BPMN, "process");
                for (int i = 0; i < processes.getLength(); i++) {
                    Element process = (Element) processes.item(i);
                    String key = process.getAttribute("id");
                    Path processClass = classes.get(key);
                    if (processClass == null) {
                        problems.add(bpmn + ": no process class with KEY = \"" + key + "\"");
                        continue;
                    }
                    Set<String> named = constants(processClass);
                    Set<String> ids = new TreeSet<>();
                    collectIds(process, ids);
                    collectIds(doc.getDocumentElement(), ids, false);
                    for (String id : ids) {
                        checked++;
                        if (!named.contains(id)) {
                            problems.add(bpmn.getFileName() + ": " + id + " is not named in " + processClass.getFileName());
                        }
                    }
                    for (String constant : named) {
                        if (ELEMENT_ID.matcher(constant).matches() && !ids.contains(constant)) {
                            problems.add(processClass.getFileName() + ": " + constant + " is not an element of "
                                    + bpmn.getFileName());
                        }
                    }
                }
            }
        }
        assertThat(checked).as("element ids checked").isGreaterThan(150);
        assertThat(problems).as("element ids and process classes").isEmpty();
    }

    /** Flow nodes below a process (recursively, into sub-processes). */
    private static void collectIds(Element scope, Set<String> ids) {
        for (Node child = scope.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && BPMN.equals(e.getNamespaceURI()) && !NOT_NAMED.contains(e.getLocalName())) {
                if (!e.getAttribute("id").isEmpty()) {
                    ids.add(e.getAttribute("id"));
                }
                collectIds(e, ids);
            }
        }
    }

    /** The definitions' own messages and errors (not processes or diagrams). */
    private static void collectIds(Element definitions, Set<String> ids, boolean unused) {
        for (Node child = definitions.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && BPMN.equals(e.getNamespaceURI())
                    && Set.of("message", "error", "signal", "escalation").contains(e.getLocalName())) {
                ids.add(e.getAttribute("id"));
            }
        }
    }

    private static Map<String, Path> processClasses() throws IOException {
        Map<String, Path> classes = new HashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path source : files.filter(p -> p.getFileName().toString().endsWith("Process.java")).toList()) {
                Matcher key = KEY.matcher(Files.readString(source, StandardCharsets.UTF_8));
                if (key.find()) {
                    classes.put(key.group(1), source);
                }
            }
        }
        return classes;
    }

    private static Set<String> constants(Path source) throws IOException {
        Set<String> values = new TreeSet<>();
        Matcher m = CONSTANT.matcher(Files.readString(source, StandardCharsets.UTF_8));
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private static Document parse(Path bpmn) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(bpmn.toFile());
    }
}
