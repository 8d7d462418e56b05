package cn.streetgov.delegation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.common.InvalidInputException;
import cn.streetgov.delegation.domain.DelegationDecision.Step;
import java.util.List;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/** Reading list variables as Tasklist/REST send them, and the decision checks of the task listener. */
class ProcessVariablesTest {

    @Test
    void shouldReadListsInEveryContractForm() {
        assertThat(ProcessVariables.stringList(null)).isEmpty();
        assertThat(ProcessVariables.stringList("S01, S02，T01")).containsExactly("S01", "S02", "T01");
        assertThat(ProcessVariables.stringList("[\"S01\",\"S03\"]")).containsExactly("S01", "S03");
        assertThat(ProcessVariables.stringList(Spin.JSON("[\"CGZF-XK-001\", \" \"]"))).containsExactly("CGZF-XK-001");
        assertThat(ProcessVariables.stringList(List.of("A", "B"))).containsExactly("A", "B");
        assertThat(ProcessVariables.stringList("")).isEmpty();
        assertThatThrownBy(() -> ProcessVariables.stringList("[S01"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("列表格式不正确");
    }

    @Test
    void shouldRequireADecisionAndAReasonWhereOneIsNeeded() {
        RecordDelegationDecisionListener.Spec capacity = RecordDelegationDecisionListener.SPECS.get(PowerDelegationProcess.REVIEW_CAPACITY);
        assertThat(capacity.step()).isEqualTo(Step.CAPACITY);
        RecordDelegationDecisionListener.check(capacity, "ACCEPT", null);
        RecordDelegationDecisionListener.check(capacity, "ACCEPT_WITH_CONDITIONS", "派员带教");
        assertThatThrownBy(() -> RecordDelegationDecisionListener.check(capacity, "ACCEPT_WITH_CONDITIONS", null))
                .hasMessage("请填写承接条件或不同意的理由");
        assertThatThrownBy(() -> RecordDelegationDecisionListener.check(capacity, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("请选择承接意见");
        assertThatThrownBy(() -> RecordDelegationDecisionListener.check(capacity, "MAYBE", "x"))
                .isInstanceOf(InvalidInputException.class);
        RecordDelegationDecisionListener.Spec report = RecordDelegationDecisionListener.SPECS.get(PowerDelegationProcess.REPORT_OPERATION);
        assertThatThrownBy(() -> RecordDelegationDecisionListener.check(report, "WORKING", null))
                .hasMessage("请填写运行情况报告");
        assertThat(RecordDelegationDecisionListener.SPECS.keySet())
                .containsExactlyInAnyOrderElementsOf(new PowerDelegationProcessDecisions().byTaskKeys());
    }

    /** Every task the audit trail knows has a decision check, and vice versa. */
    static class PowerDelegationProcessDecisions {
        java.util.Set<String> byTaskKeys() {
            return new PowerDelegationProcess(null).byTask().keySet();
        }
    }
}
