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

    @ParameterizedTest(name = "{0} {1} {2} → {3} {4} {5}")
    @CsvSource({
        "AGENCY_HEAD, APPOINT,  SECTION,  CONSENT, DEPARTMENT,         7",
        "AGENCY_HEAD, APPOINT,  DIVISION, CONSENT, STANDING_COMMITTEE, 7",
        "AGENCY_HEAD, REMOVE,   SECTION,  CONSENT, DEPARTMENT,         7",
        "AGENCY_HEAD, REMOVE,   DIVISION, CONSENT, STANDING_COMMITTEE, 7",
        "AGENCY_HEAD, TRANSFER, SECTION,  OPINION, DEPARTMENT,         7",
        "AGENCY_HEAD, TRANSFER, DIVISION, OPINION, STANDING_COMMITTEE, 7",
    })
    void shouldDecideModeAuthorityAndReplyDays(String post, String action, String level, String mode, String authority,
            int days) {
        DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision,
                Map.of("postType", post, "action", action, "positionLevel", level));
        assertThat(result).hasSize(1);
        Map<String, Object> row = result.getSingleResult().getEntryMap();
        assertThat(row).containsEntry(ConsultationProcess.CONSULTATION_MODE, mode)
                .containsEntry(ConsultationProcess.FINAL_AUTHORITY, authority)
                .containsEntry(ConsultationProcess.REPLY_DAYS, days);
    }

    /** 福田 (004): the street proposes, the competent department consents, 组织部 approves; whatever the level. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "DISCIPLINE_SECRETARY,   APPOINT", "UNION_CHAIR, APPOINT", "YOUTH_LEAGUE_SECRETARY, REMOVE",
        "WOMEN_FEDERATION_CHAIR, APPOINT", "ARMED_FORCES_HEAD, REMOVE",
    })
    void shouldLetTheStreetProposeTheHolderOfItsOwnPosts(String post, String action) {
        // street-suggestion sets no positionLevel: a street's own post is decided whatever its level
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("postType", post, "action", action));
        variables.put("positionLevel", null);
        DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision, variables);
        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().getEntryMap())
                .containsEntry(ConsultationProcess.CONSULTATION_MODE, SuggestionProcess.MODE_STREET_PROPOSAL)
                .containsEntry(ConsultationProcess.FINAL_AUTHORITY, "ORG_DEPT")
                .containsEntry(ConsultationProcess.REPLY_DAYS, 10);
    }

    @Test
    void shouldGiveNoResultForAnUnknownActionOrPost() {
        assertThat(dmn.evaluateDecisionTable(decision,
                Map.of("postType", "AGENCY_HEAD", "action", "PROMOTE", "positionLevel", "SECTION"))).isEmpty();
        assertThat(dmn.evaluateDecisionTable(decision,
                Map.of("postType", "MAYOR", "action", "APPOINT", "positionLevel", "SECTION"))).isEmpty();
    }
}
