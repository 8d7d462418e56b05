package cn.streetgov.whistle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** DMN whistle-sla: the report and handling deadlines per urgency (demo values of the issue). */
class WhistleSlaDecisionTest {

    static DmnEngine dmn;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("processes/whistle-sla.dmn"))) {
            decision = dmn.parseDecision("whistle-sla", in);
        }
    }

    @ParameterizedTest(name = "{0}: report {1} min, handling {2} min")
    @CsvSource({"CRITICAL, 120, 1440", "URGENT, 1440, 4320", "NORMAL, 4320, 14400"})
    void shouldGiveTheDeadlinesOfEachUrgency(String urgency, int reportMinutes, int handlingMinutes) {
        DmnDecisionResultEntries result = dmn.evaluateDecision(decision,
                Variables.createVariables().putValue("urgency", urgency)).getSingleResult();
        assertThat(result.<Integer>getEntry("reportMinutes")).isEqualTo(reportMinutes);
        assertThat(result.<Integer>getEntry("handlingMinutes")).isEqualTo(handlingMinutes);
    }

    @Test
    void shouldGiveNoDeadlineForAnUnknownUrgency() {
        assertThat(dmn.evaluateDecision(decision, Variables.createVariables().putValue("urgency", "HIGH")))
                .isEmpty();
    }

    @Test
    void shouldBeTheDecisionTableTheProcessCalls() {
        assertThat(decision.getKey()).isEqualTo(cn.streetgov.whistle.process.WhistleProcess.DECISION_SLA);
        assertThat(decision.isDecisionTable()).isTrue();
    }
}
