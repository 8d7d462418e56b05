package cn.streetgov.admission;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.admission.process.DutyAdmissionProcess;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN duty-admission-check: the negative list (what streets/towns no longer do, 001/002). */
class DutyAdmissionCheckDecisionTest {

    static DmnEngine dmn;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("processes/duty-admission-check.dmn"))) {
            decision = dmn.parseDecision(DutyAdmissionProcess.DECISION_CHECK, in);
        }
    }

    static DmnDecisionResultEntries check(String name, String description) {
        return dmn.evaluateDecision(decision, Variables.createVariables().putValue("dutyName", name)
                .putValue("dutyDescription", description)).getSingleResult();
    }

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource({
        "街道招商引资任务分解, 每季度完成招商任务, INVESTMENT_PROMOTION, 招商引资",
        "辖区企业走访, 协助开展招引项目落地, INVESTMENT_PROMOTION, 招商引资",
        "协税护税工作, 配合税务部门开展税源排查, TAX_ASSISTANCE, 协税护税",
        "税源管理, 完成年度税收任务, TAX_ASSISTANCE, 协税护税",
        "经济运行监测, 落实地区生产总值增长目标, ECONOMIC_TARGETS, 经济指标",
        "旧村改造, 组织开展房屋征收和拆迁动员, DEMOLITION, 拆迁",
        "占道经营执法, 对占道经营实施行政处罚, ADMINISTRATIVE_POWER, 赋权下放审批",
    })
    void shouldRefuseWhatIsOnTheNegativeList(String name, String description, String item, String reasonPart) {
        DmnDecisionResultEntries result = check(name, description);
        assertThat(result.<Boolean>getEntry("admissible")).isFalse();
        assertThat(result.<String>getEntry("negativeItem")).isEqualTo(item);
        assertThat(result.<String>getEntry("refusalReason")).contains(reasonPart).matches(".*\\p{IsHan}.*");
    }

    @Test
    void shouldLetAnOrdinaryDutyThroughToTheStreets() {
        DmnDecisionResultEntries result = check("共享单车停放秩序日常巡查", "每日巡查辖区共享单车停放点，发现乱停放及时通知运营企业清理");
        assertThat(result.<Boolean>getEntry("admissible")).isTrue();
        // no item and no reason: the process reads them with get(), which gives null
        assertThat(result.get("negativeItem")).isNull();
        assertThat(result.get("refusalReason")).isNull();
    }

    @Test
    void shouldTakeTheFirstRuleThatMatches() {
        DmnDecisionResultEntries result = check("招商引资和协税护税", "两项都有");
        assertThat(result.<String>getEntry("negativeItem")).isEqualTo("INVESTMENT_PROMOTION");
    }

    @Test
    void shouldBeTheDecisionTableTheProcessCalls() {
        assertThat(decision.getKey()).isEqualTo("duty-admission-check");
        assertThat(decision.isDecisionTable()).isTrue();
    }
}
