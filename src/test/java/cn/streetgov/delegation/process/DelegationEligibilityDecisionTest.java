package cn.streetgov.delegation.process;

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

/** The DMN table {@code delegation-eligibility}, evaluated by a bare DMN engine (no Spring). */
class DelegationEligibilityDecisionTest {

    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("processes", "delegation-eligibility.dmn"))) {
            decision = dmn.parseDecision(PowerDelegationProcess.DECISION_ELIGIBILITY, in);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3} {4} ({5}, {6})")
    @CsvSource({
        // town domains: towns and non-central streets only
        "LICENSING,      PLANNING_RESOURCES, DEVOLVE,             STREET, true,  false, false",
        "LICENSING,      PLANNING_RESOURCES, DEVOLVE,             STREET, false, true,  false",
        "LICENSING,      RURAL,              DEVOLVE,             TOWN,   false, true,  false",
        "PUBLIC_SERVICE, HEALTH,             ENTRUST,             STREET, true,  false, false",
        "LICENSING,      MARKET,             DEVOLVE,             TOWN,   false, true,  false",
        "PENALTY,        ECOLOGY,            DEVOLVE,             STREET, true,  false, false",
        "PENALTY,        ECOLOGY,            DEVOLVE,             TOWN,   false, true,  true",
        // street domains and urban management: every street and town
        "OTHER,          PARTY_BUILDING,     AUTHORIZE,           STREET, true,  true,  false",
        "OTHER,          COMMUNITY,          DEVOLVE,             TOWN,   false, true,  false",
        "OTHER,          PUBLIC_MANAGEMENT,  DEVOLVE,             STREET, true,  true,  false",
        "PUBLIC_SERVICE, PUBLIC_SERVICE,     DEVOLVE,             STREET, true,  true,  false",
        "LICENSING,      PUBLIC_SAFETY,      ENTRUST,             STREET, true,  true,  false",
        "LICENSING,      URBAN_MANAGEMENT,   DEVOLVE,             STREET, true,  true,  false",
        // enforcement powers and centralized penalty: legal review
        "PENALTY,        URBAN_MANAGEMENT,   DEVOLVE,             STREET, true,  true,  true",
        "COERCION,       URBAN_MANAGEMENT,   ENTRUST,             TOWN,   false, true,  true",
        "INSPECTION,     PUBLIC_SAFETY,      DEVOLVE,             STREET, true,  true,  true",
        "LICENSING,      URBAN_MANAGEMENT,   CENTRALIZED_PENALTY, STREET, true,  true,  true",
        "PUBLIC_SERVICE, RURAL,              CENTRALIZED_PENALTY, TOWN,   false, true,  true",
        // unknown domain: not delegated
        "OTHER,          INVESTMENT,         DEVOLVE,             STREET, false, false, false",
    })
    void shouldDecideEligibilityAndLegalReview(String category, String domain, String method, String targetType,
            boolean central, boolean eligible, boolean legalReview) {
        DmnDecisionResultEntries result = dmn.evaluateDecision(decision, Variables.createVariables()
                .putValue("category", category).putValue("domain", domain).putValue("method", method)
                .putValue("targetType", targetType).putValue("targetCentral", central)).getSingleResult();
        assertThat((Boolean) result.getEntry("eligible")).isEqualTo(eligible);
        assertThat((Boolean) result.getEntry("legalReviewRequired")).isEqualTo(legalReview);
        assertThat((String) result.getEntry("reason")).isNotBlank();
    }
}
