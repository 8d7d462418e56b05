package cn.streetgov.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Test;

/**
 * The coverage gate of {@code mvn verify}: after the process tests ran (surefire), every flow node
 * and every sequence flow of every process in processes/ must have been passed by some test, as
 * recorded by process-test-coverage under target/process-test-coverage/.
 */
class ProcessCoverageGateIT {

    private static final Path REPORTS = Path.of("target", "process-test-coverage");

    @Test
    void everyFlowOfEveryProcessIsCoveredByATest() throws IOException {
        Map<String, Set<String>> covered = coveredElements();
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            models = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(models).isNotEmpty();
        StringBuilder missing = new StringBuilder();
        for (Path file : models) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (Process process : model.getModelElementsByType(Process.class)) {
                Set<String> elements = new TreeSet<>();
                model.getModelElementsByType(FlowNode.class).stream()
                        .filter(node -> belongsTo(node, process)).forEach(node -> elements.add(node.getId()));
                model.getModelElementsByType(SequenceFlow.class).stream()
                        .filter(flow -> belongsTo(flow, process)).forEach(flow -> elements.add(flow.getId()));
                elements.removeAll(covered.getOrDefault(process.getId(), Set.of()));
                if (!elements.isEmpty()) {
                    missing.append("\n  ").append(process.getId()).append(": ").append(elements);
                }
            }
        }
        assertThat(missing.toString()).as("flow nodes and sequence flows no test has passed").isEmpty();
    }

    private static boolean belongsTo(org.camunda.bpm.model.xml.instance.ModelElementInstance element, Process process) {
        for (var parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent instanceof Process p) {
                return p.getId().equals(process.getId());
            }
        }
        return false;
    }

    private static Map<String, Set<String>> coveredElements() throws IOException {
        Map<String, Set<String>> covered = new HashMap<>();
        if (!Files.isDirectory(REPORTS)) {
            return covered;
        }
        ObjectMapper json = new ObjectMapper();
        List<Path> reports;
        try (Stream<Path> files = Files.walk(REPORTS)) {
            reports = files.filter(p -> p.getFileName().toString().equals("report.json")).toList();
        }
        for (Path report : reports) {
            JsonNode root = json.readTree(report.toFile());
            for (JsonNode suite : root.path("suites")) {
                for (JsonNode run : suite.path("runs")) {
                    for (JsonNode event : run.path("events")) {
                        covered.computeIfAbsent(event.path("modelKey").asText(), k -> new HashSet<>())
                                .add(event.path("definitionKey").asText());
                    }
                }
            }
        }
        return covered;
    }
}
