package cn.streetgov.whistle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.whistle.domain.WhistleCategory;
import cn.streetgov.whistle.process.WhistleProcess;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo table of {@code whistle-routing} (processes/whistle-routing.dmn), without the engine. */
class WhistleRoutingDecisionTest {

    static DmnEngine dmn;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = WhistleRoutingDecisionTest.class.getResourceAsStream("/processes/whistle-routing.dmn")) {
            decision = dmn.parseDecision(WhistleProcess.DECISION_ROUTING, in);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "STREET_VENDING       | CGZF,SCJG",
        "ILLEGAL_CONSTRUCTION | CGZF,ZRZY",
        "SANITATION           | CGZF",
        "NOISE                | GA,CGZF",
        "FOOD_SAFETY          | SCJG,WJ",
        "PUBLIC_SECURITY      | GA",
        "PUBLIC_HEALTH        | WJ",
        "LAND_USE             | ZRZY",
    })
    void shouldSummonTheDepartmentsOfTheCategory(String category, String depts) {
        assertThat(dmn.evaluateDecisionTable(decision, Map.of("category", category)).collectEntries("deptCode"))
                .containsExactly((Object[]) depts.split(","));
    }

    @Test
    void shouldLeaveOtherToTheStreetAndKnowEveryCategory() {
        assertThat(dmn.evaluateDecisionTable(decision, Map.of("category", "OTHER"))).isEmpty();
        for (WhistleCategory category : WhistleCategory.values()) {
            // every category is one the table knows (its input values), none fails
            dmn.evaluateDecisionTable(decision, Map.of("category", category.name()));
        }
    }
}
