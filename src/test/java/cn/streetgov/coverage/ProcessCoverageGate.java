package cn.streetgov.coverage;

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

/**
 * The process coverage gate: every flow node and every sequence flow of every process in
 * processes/ must have been passed by a test <em>of this run</em>. process-test-coverage writes its
 * reports to {@code <report root>/<run id>/<test class>/report.json}; the build gives every Maven
 * invocation its own run id ({@code <test.db>-<build timestamp>}, see pom.xml), so reports an earlier
 * run left in target/, or the H2 run's reports when the MariaDB run is checked, never count. A run
 * in which no process test ran fails.
 */
final class ProcessCoverageGate {

    private final Path runDirectory;
    private final String runId;

    private ProcessCoverageGate(Path reportRoot, String runId) {
        this.runId = runId;
        this.runDirectory = runId == null || runId.isBlank() ? null : reportRoot.resolve(runId);
    }

    /** The gate over the reports of the run {@code runId} under {@code reportRoot}. */
    static ProcessCoverageGate forRun(Path reportRoot, String runId) {
        return new ProcessCoverageGate(reportRoot, runId);
    }

    /** Fails (AssertionError) unless the tests of this run passed every flow of every process. */
    void verify(Path processes) throws IOException {
        if (runDirectory == null) {
            throw new AssertionError("no run id: the gate reads only the reports of the current run, which the "
                    + "build names (run it with mvn verify, which passes the system property "
                    + ProcessCoverageGateIT.RUN_PROPERTY + ")");
        }
        Map<String, Set<String>> covered = coveredElements();
        if (covered.isEmpty()) {
            throw new AssertionError("no process test ran in run " + runId + " (no coverage event under "
                    + runDirectory + "): the gate does not pass on reports of an earlier run");
        }
        List<Path> models;
        try (Stream<Path> files = Files.list(processes)) {
            models = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
        if (models.isEmpty()) {
            throw new AssertionError("no BPMN file in " + processes);
        }
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
        if (!missing.isEmpty()) {
            throw new AssertionError("flow nodes and sequence flows no test has passed:" + missing);
        }
    }

    private static boolean belongsTo(org.camunda.bpm.model.xml.instance.ModelElementInstance element, Process process) {
        for (var parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent instanceof Process p) {
                return p.getId().equals(process.getId());
            }
        }
        return false;
    }

    private Map<String, Set<String>> coveredElements() throws IOException {
        Map<String, Set<String>> covered = new HashMap<>();
        if (!Files.isDirectory(runDirectory)) {
            return covered;
        }
        ObjectMapper json = new ObjectMapper();
        List<Path> reports;
        try (Stream<Path> files = Files.walk(runDirectory)) {
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
