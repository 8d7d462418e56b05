package cn.streetgov.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN assessment-grade: weighted total (25/25/15/15/20) and grade bands 90/80/60; a veto gives FAIL. */
class AssessmentGradeDecisionTest {

    static DmnEngine dmn;
    static DmnDecision grade;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("processes/assessment-grade.dmn"))) {
            grade = dmn.parseDecision("assessment-grade", in);
        }
    }

    static DmnDecisionResultEntries evaluate(int command, int duty, int style, int cooperation, int satisfaction,
            boolean veto, Double adjusted) {
        VariableMap vars = Variables.createVariables().putValue("scoreCommand", command).putValue("scoreDuty", duty)
                .putValue("scoreStyle", style).putValue("scoreCooperation", cooperation)
                .putValue("scoreSatisfaction", satisfaction).putValue("vetoItem", veto)
                .putValue("adjustedScore", adjusted);
        return dmn.evaluateDecision(grade, vars).getSingleResult();
    }

    @ParameterizedTest(name = "{0}/{1}/{2}/{3}/{4} → {5} {6}")
    @CsvSource({
            "100, 100, 100, 100, 100, 100.0, EXCELLENT",
            "90, 90, 90, 90, 90, 90.0, EXCELLENT",
            "95, 85, 80, 90, 88, 88.1, GOOD",
            "80, 80, 80, 80, 79, 79.8, PASS",
            "60, 60, 60, 60, 60, 60.0, PASS",
            "59, 60, 60, 60, 60, 59.75, FAIL",
            "0, 0, 0, 0, 0, 0.0, FAIL"})
    void shouldWeightTheScoresAndBandTheGrade(int command, int duty, int style, int cooperation, int satisfaction,
            double total, String expected) {
        DmnDecisionResultEntries result = evaluate(command, duty, style, cooperation, satisfaction, false, null);
        assertThat(result.<Double>getEntry("totalScore")).isEqualTo(total);
        assertThat(result.<String>getEntry("grade")).isEqualTo(expected);
    }

    @Test
    void shouldFailEveryVetoWhateverTheScore() {
        DmnDecisionResultEntries result = evaluate(100, 100, 100, 100, 100, true, null);
        assertThat(result.<String>getEntry("grade")).isEqualTo("FAIL");
        assertThat(result.<Double>getEntry("totalScore")).isEqualTo(100.0);
    }

    @Test
    void shouldTakeAnAdjustedScoreInsteadOfTheWeightedOne() {
        DmnDecisionResultEntries result = evaluate(100, 100, 100, 100, 100, false, 85.5);
        assertThat(result.<Double>getEntry("totalScore")).isEqualTo(85.5);
        assertThat(result.<String>getEntry("grade")).isEqualTo("GOOD");
    }
}
