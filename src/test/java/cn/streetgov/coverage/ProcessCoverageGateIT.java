package cn.streetgov.coverage;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The coverage gate of {@code mvn verify} (failsafe, after surefire's process tests): every flow
 * node and every sequence flow of every process in processes/ is passed by some test of this run,
 * as recorded by process-test-coverage under target/process-test-coverage/&lt;run id&gt;/. The run id
 * and the report root come from pom.xml, the same for surefire and failsafe of one Maven invocation.
 */
class ProcessCoverageGateIT {

    /** System property naming the run whose reports count (pom.xml: {@code coverage.run}). */
    static final String RUN_PROPERTY = "process-test-coverage.run";
    /** System property naming the directory holding one subdirectory per run. */
    static final String ROOT_PROPERTY = "process-test-coverage.root";

    @Test
    void everyFlowOfEveryProcessIsCoveredByATestOfThisRun() throws IOException {
        Path root = Path.of(System.getProperty(ROOT_PROPERTY, "target/process-test-coverage"));
        ProcessCoverageGate.forRun(root, System.getProperty(RUN_PROPERTY)).verify(Path.of("processes"));
    }
}
