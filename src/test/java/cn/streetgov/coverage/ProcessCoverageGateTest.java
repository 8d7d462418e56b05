package cn.streetgov.coverage;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's own logic, on a temporary directory: only the reports of the current run count, and a
 * run in which no process test ran fails instead of passing on whatever an earlier run left.
 */
class ProcessCoverageGateTest {

    /** Every flow node and sequence flow of the probe process below. */
    private static final List<String> ALL = List.of("start", "toWork", "work", "toEnd", "end");

    @TempDir
    Path dir;
    Path processes;
    Path reports;

    @BeforeEach
    void probeProcess() throws IOException {
        processes = Files.createDirectories(dir.resolve("processes"));
        reports = dir.resolve("process-test-coverage");
        Bpmn.writeModelToFile(processes.resolve("probe.bpmn").toFile(), Bpmn.createExecutableProcess("probe")
                .startEvent("start").sequenceFlowId("toWork")
                .userTask("work").sequenceFlowId("toEnd")
                .endEvent("end").done());
    }

    @Test
    void aRunWhoseTestsPassedEveryFlowPasses() throws IOException {
        report("h2-20261110-090000-000", "ProbeTest", ALL);
        assertThatCode(() -> ProcessCoverageGate.forRun(reports, "h2-20261110-090000-000").verify(processes))
                .doesNotThrowAnyException();
    }

    @Test
    void aFlowNoTestOfTheRunPassedFailsTheGateAndIsNamed() throws IOException {
        report("h2-20261110-090000-000", "ProbeTest", List.of("start", "toWork", "work"));
        assertThatThrownBy(() -> ProcessCoverageGate.forRun(reports, "h2-20261110-090000-000").verify(processes))
                .isInstanceOf(AssertionError.class).hasMessageContaining("probe: [end, toEnd]");
    }

    @Test
    void reportsAnEarlierRunLeftBehindDoNotCount() throws IOException {
        report("h2-20261109-170000-000", "ProbeTest", ALL);
        assertThatThrownBy(() -> ProcessCoverageGate.forRun(reports, "h2-20261110-090000-000").verify(processes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no process test ran in run h2-20261110-090000-000");
    }

    @Test
    void theMariadbRunDoesNotBorrowTheH2RunsReports() throws IOException {
        report("h2-20261110-090000-000", "ProbeTest", ALL);
        report("mariadb-20261110-091500-000", "ProbeTest", List.of("start", "toWork", "work"));
        assertThatThrownBy(() -> ProcessCoverageGate.forRun(reports, "mariadb-20261110-091500-000").verify(processes))
                .isInstanceOf(AssertionError.class).hasMessageContaining("probe: [end, toEnd]");
    }

    @Test
    void aRunWithoutReportsFails() throws IOException {
        Files.createDirectories(reports.resolve("h2-20261110-090000-000"));
        assertThatThrownBy(() -> ProcessCoverageGate.forRun(reports, "h2-20261110-090000-000").verify(processes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no process test ran in run h2-20261110-090000-000");
        assertThatThrownBy(() -> ProcessCoverageGate.forRun(dir.resolve("nowhere"), "h2-1").verify(processes))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no process test ran in run h2-1");
    }

    @Test
    void aRunWhoseTestsStartedNoProcessFails() throws IOException {
        report("h2-20261110-090000-000", "HttpOnlyTest", List.of());
        assertThatThrownBy(() -> ProcessCoverageGate.forRun(reports, "h2-20261110-090000-000").verify(processes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no process test ran in run h2-20261110-090000-000");
    }

    @Test
    void withoutARunTheGateRefusesToGuess() {
        assertThatThrownBy(() -> ProcessCoverageGate.forRun(reports, null).verify(processes))
                .isInstanceOf(AssertionError.class).hasMessageContaining("mvn verify");
        assertThatThrownBy(() -> ProcessCoverageGate.forRun(reports, " ").verify(processes))
                .isInstanceOf(AssertionError.class).hasMessageContaining("mvn verify");
    }

    /** A report.json as process-test-coverage writes it: run directory / suite / report.json. */
    private void report(String run, String suite, List<String> passed) throws IOException {
        List<Map<String, Object>> events = new ArrayList<>();
        for (String element : passed) {
            events.add(Map.of("source", "FLOW_NODE", "type", "TAKE", "definitionKey", element,
                    "elementType", "x", "modelKey", "probe", "timestamp", 0));
        }
        Map<String, Object> root = Map.of("suites", List.of(Map.of("id", suite, "name", suite,
                "runs", List.of(Map.of("id", "r1", "name", "shouldRun", "events", events)))), "models", List.of());
        Path file = Files.createDirectories(reports.resolve(run).resolve(suite)).resolve("report.json");
        new ObjectMapper().writeValue(file.toFile(), root);
    }
}
