package cn.streetgov.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.casework.TaskDecisions.TaskDecision;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the kernel checks from a declaration, without an engine. */
class TaskDecisionTest {

    static final TaskDecision CAPACITY = TaskDecision.of("capacityDecision", "capacityComment", "meetingDate")
            .choice("承接意见", "ACCEPT", "同意承接", "ACCEPT_WITH_CONDITIONS", "附条件承接", "REJECT", "不同意承接")
            .reasonUnless("承接条件或不同意的理由", "ACCEPT")
            .requires("meetingDate", "会议日期")
            .withContext("orgCode");

    @Test
    void shouldAcceptADeclaredValueWithWhatItNeeds() {
        assertThat(CAPACITY.check(vars("capacityDecision", "ACCEPT", "meetingDate", "2026-11-30"))).isEmpty();
        assertThat(CAPACITY.check(vars("capacityDecision", "REJECT", "capacityComment", "人员不足",
                "meetingDate", "2026-11-30"))).isEmpty();
    }

    @Test
    void shouldNameTheAllowedValuesInChineseWhenTheValueIsUnknownOrMissing() {
        assertThat(CAPACITY.check(vars("capacityDecision", "MAYBE", "meetingDate", "2026-11-30")))
                .containsExactly("请选择承接意见（同意承接 / 附条件承接 / 不同意承接）");
        assertThat(CAPACITY.check(vars("meetingDate", "2026-11-30")))
                .containsExactly("请选择承接意见（同意承接 / 附条件承接 / 不同意承接）");
    }

    @Test
    void shouldRefuseAnAllowedValueWithSpacesAroundIt() {
        // the gateways compare the variable as submitted: "ACCEPT " would leave the process without a way on
        assertThat(CAPACITY.check(vars("capacityDecision", "ACCEPT ", "meetingDate", "2026-11-30")))
                .containsExactly("请选择承接意见（同意承接 / 附条件承接 / 不同意承接）");
        assertThat(CAPACITY.check(vars("capacityDecision", " REJECT", "capacityComment", "人员不足",
                "meetingDate", "2026-11-30"))).isNotEmpty();
    }

    @Test
    void shouldAskForTheReasonAndTheRequiredDetailsAtOnce() {
        assertThat(CAPACITY.check(vars("capacityDecision", "REJECT", "capacityComment", "  ")))
                .containsExactly("请填写承接条件或不同意的理由", "请填写会议日期");
    }

    @Test
    void shouldRefuseATooLongComment() {
        assertThat(CAPACITY.check(vars("capacityDecision", "ACCEPT", "meetingDate", "2026-11-30",
                "capacityComment", "长".repeat(TaskDecisions.TEXT_MAX + 1))))
                .containsExactly("填写的内容不能超过 4000 个字");
    }

    @Test
    void shouldRequireAReasonForEveryValueWhenDeclaredSo() {
        TaskDecision review = TaskDecision.of("reviewDecision", "reviewComment")
                .choice("复核意见", "UPHOLD", "异议成立", "REJECT", "异议不成立").reasonRequired("复核意见");
        assertThat(review.check(vars("reviewDecision", "UPHOLD"))).containsExactly("请填写复核意见");
        assertThat(review.check(vars("reviewDecision", "REJECT"))).containsExactly("请填写复核意见");
    }

    @Test
    void shouldRecordAFixedValueForATaskWithoutADecisionVariable() {
        TaskDecision report = TaskDecision.of(null, "reportNote").recordedAs("REPORTED").reasonRequired("报到说明");
        assertThat(report.decisionValue(vars())).isEqualTo("REPORTED");
        assertThat(report.check(vars())).containsExactly("请填写报到说明");
        assertThat(report.inputs()).containsExactly("reportNote");
    }

    @Test
    void shouldKeepServerOwnedValuesOutOfTheInputs() {
        assertThat(CAPACITY.inputs()).containsExactly("capacityDecision", "capacityComment", "meetingDate");
        assertThat(CAPACITY.recorded()).containsExactly("meetingDate", "orgCode");
        assertThat(CAPACITY.label("REJECT")).isEqualTo("不同意承接");
        assertThatThrownBy(() -> CAPACITY.requires("orgCode", "街道")).isInstanceOf(IllegalArgumentException.class);
    }

    private static java.util.function.Function<String, Object> vars(Object... namesAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values::get;
    }
}
