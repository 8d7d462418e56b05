package cn.streetgov.appointment.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo table of {@code consultation-mode} (processes/consultation-mode.dmn), without the engine. */
class ConsultationModeDecisionTest {

    static DmnDecision decision;
    static DmnEngine dmn;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = ConsultationModeDecisionTest.class.getResourceAsStream("/processes/consultation-mode.dmn")) {
            decision = dmn.parseDecision(ConsultationProcess.DECISION_KEY, in);
        }
    }

    @ParameterizedTest(name = "{0} {1} → {2} {3} {4}")
    @CsvSource({
        "APPOINT,  SECTION,  CONSENT, DEPARTMENT,         7",
        "APPOINT,  DIVISION, CONSENT, STANDING_COMMITTEE, 7",
        "REMOVE,   SECTION,  CONSENT, DEPARTMENT,         7",
        "REMOVE,   DIVISION, CONSENT, STANDING_COMMITTEE, 7",
        "TRANSFER, SECTION,  OPINION, DEPARTMENT,         7",
        "TRANSFER, DIVISION, OPINION, STANDING_COMMITTEE, 7",
    })
    void shouldDecideModeAuthorityAndReplyDays(String action, String level, String mode, String authority, int days) {
        DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision, Map.of("action", action, "positionLevel", level));
        assertThat(result).hasSize(1);
        Map<String, Object> row = result.getSingleResult().getEntryMap();
        assertThat(row).containsEntry(ConsultationProcess.CONSULTATION_MODE, mode)
                .containsEntry(ConsultationProcess.FINAL_AUTHORITY, authority)
                .containsEntry(ConsultationProcess.REPLY_DAYS, days);
    }

    @Test
    void shouldGiveNoResultForAnUnknownAction() {
        assertThat(dmn.evaluateDecisionTable(decision, Map.of("action", "PROMOTE", "positionLevel", "SECTION"))).isEmpty();
    }
}
