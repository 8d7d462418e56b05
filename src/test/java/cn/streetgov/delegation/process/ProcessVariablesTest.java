package cn.streetgov.delegation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.casework.TaskDecisions.TaskDecision;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/** Reading list variables as Tasklist/REST send them, and the decision rules the process class declares. */
class ProcessVariablesTest {

    private static final Map<String, TaskDecision> DELEGATION = new PowerDelegationProcess(null).byTask();

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
        TaskDecision capacity = DELEGATION.get(PowerDelegationProcess.REVIEW_CAPACITY);
        assertThat(check(capacity, "ACCEPT", null)).isEmpty();
        assertThat(check(capacity, "ACCEPT_WITH_CONDITIONS", "派员带教")).isEmpty();
        assertThat(check(capacity, "ACCEPT_WITH_CONDITIONS", null)).containsExactly("请填写承接条件或不同意的理由");
        assertThat(check(capacity, "REJECT", "  ")).containsExactly("请填写承接条件或不同意的理由");
        assertThat(check(capacity, null, null)).containsExactly("请选择承接意见（同意承接 / 附条件承接 / 不同意承接）");
        assertThat(check(capacity, "MAYBE", "x")).containsExactly("请选择承接意见（同意承接 / 附条件承接 / 不同意承接）");
        assertThat(capacity.label("ACCEPT_WITH_CONDITIONS")).isEqualTo("附条件承接");

        TaskDecision legal = DELEGATION.get(PowerDelegationProcess.REVIEW_LEGALITY);
        assertThat(check(legal, "LAWFUL", null)).isEmpty();
        assertThat(check(legal, "UNLAWFUL", null)).containsExactly("请填写修改意见或不合法的理由");
        TaskDecision staffing = DELEGATION.get(PowerDelegationProcess.CONFIRM_STAFFING);
        assertThat(check(staffing, "RETURN", null)).containsExactly("请填写退回理由");
        TaskDecision revision = DELEGATION.get(PowerDelegationProcess.REVISE_PROPOSAL);
        assertThat(check(revision, "WITHDRAW", null)).isEmpty();
        assertThat(check(revision, "RESUBMIT", null)).isEmpty();
        assertThat(check(revision, "LATER", null)).containsExactly("请选择处理方式（修改后重新提交 / 撤回申请）");
        TaskDecision decision = DELEGATION.get(PowerDelegationProcess.DECIDE_DELEGATION);
        assertThat(check(decision, "REJECT", null)).containsExactly("请填写不予批准的理由");
        TaskDecision report = DELEGATION.get(PowerDelegationProcess.REPORT_OPERATION);
        assertThat(check(report, "WORKING", null)).containsExactly("请填写运行情况报告");
        assertThat(check(report, "WORKING", "x".repeat(4001))).containsExactly("填写的内容不能超过 4000 个字");

        TaskDecision revocation = new PowerRevocationProcess(null).byTask().get(PowerRevocationProcess.DECIDE_REVOCATION);
        assertThat(check(revocation, "APPROVE", null)).isEmpty();
        assertThat(check(revocation, "REJECT", null)).containsExactly("请填写不同意收回的理由");
        assertThat(check(revocation, "MAYBE", null)).containsExactly("请选择会议决定（同意收回 / 不同意收回）");
    }

    @Test
    void shouldDeclareAllowedValuesForEveryTaskAndRecordTheStreetOfEachReview() {
        assertThat(DELEGATION).allSatisfy((task, declared) ->
                assertThat(declared.rules().allowed()).as(task).isNotEmpty());
        assertThat(DELEGATION.get(PowerDelegationProcess.REVIEW_CAPACITY).context()).containsExactly(Vars.ORG_CODE);
        assertThat(DELEGATION.get(PowerDelegationProcess.REPORT_OPERATION).context()).containsExactly(Vars.ORG_CODE);
        // the street is the server's: never accepted from a completion
        assertThat(DELEGATION.get(PowerDelegationProcess.REVIEW_CAPACITY).inputs()).doesNotContain(Vars.ORG_CODE);
    }

    private static List<String> check(TaskDecision declared, String decision, String comment) {
        Map<String, Object> submitted = new HashMap<>();
        submitted.put(declared.decision(), decision);
        submitted.put(declared.comment(), comment);
        return declared.check(submitted::get);
    }
}
