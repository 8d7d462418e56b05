package cn.streetgov.admission;

import static cn.streetgov.admission.DutyAdmissionProcessTest.assertRefused;
import static cn.streetgov.admission.process.DutyExitProcess.Elements.DECIDE;
import static cn.streetgov.admission.process.DutyExitProcess.Elements.DEPT_OPINION;
import static cn.streetgov.admission.process.DutyExitProcess.Elements.EXITED;
import static cn.streetgov.admission.process.DutyExitProcess.Elements.REJECTED;
import static cn.streetgov.admission.process.DutyExitProcess.Elements.REMOVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.admission.domain.DutyCategory;
import cn.streetgov.admission.domain.DutyExitCase;
import cn.streetgov.admission.domain.DutyExits;
import cn.streetgov.admission.domain.DutyItem;
import cn.streetgov.admission.domain.DutyLists;
import cn.streetgov.admission.domain.ExitStatus;
import cn.streetgov.admission.process.DutyExitProcess;
import cn.streetgov.admission.process.DutyExitProcess.Vars;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.test.ProcessTestSupport;
import cn.streetgov.test.StartVariables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of {@code duty-exit} (履职事项退出): a duty handed back, or kept. */
class DutyExitProcessTest extends ProcessTestSupport {

    @Autowired
    DutyExits exits;
    @Autowired
    DutyLists lists;
    @Autowired
    DecisionRecord record;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldTakeTheDutyOffTheListWhenTheHandBackIsApproved() {
        DutyItem duty = admittedDuty("T01", "CGZF");
        int version = lists.current("T01").version().getListVersion();

        ProcessInstance pi = as("t01-off", () -> runtimeService.startProcessInstanceByKey(DutyExitProcess.KEY,
                StartVariables.dutyExit("T01", duty.getCode(), "镇里没有专业执法人员，无力承担")));
        assertThat(pi).isWaitingAt(DEPT_OPINION);
        assertThat(pi.getBusinessKey()).matches("TC-\\d{4}-\\d{4}");
        assertThat(task(pi, DEPT_OPINION).getName()).contains("城市管理和综合执法局");
        complete("cgzf-off", task(pi, DEPT_OPINION), Map.of(Vars.DEPT_OPINION, DutyExitProcess.AGREE));
        assertThat(exit(pi).getStatus()).isEqualTo(ExitStatus.DECISION);
        complete("bianban", task(pi, DECIDE), Map.of(Vars.EXIT_DECISION, DutyExits.APPROVE));

        assertThat(pi).hasPassed(DEPT_OPINION, DECIDE, REMOVE, EXITED).hasNotPassed(REJECTED).isEnded();
        assertThat(historicVariable(pi, Vars.OUTCOME)).isEqualTo(DutyExitProcess.OUTCOME_EXITED);
        DutyExitCase exit = exit(pi);
        assertThat(exit.getStatus()).isEqualTo(ExitStatus.EXITED);
        assertThat(exit.getDeptCode()).isEqualTo("CGZF");
        assertThat(exit.getDecidedBy()).isEqualTo("bianban");
        assertThat(exit.getStartedBy()).isEqualTo("t01-off");
        DutyLists.ListView list = lists.current("T01");
        assertThat(list.version().getListVersion()).isEqualTo(version + 1);
        assertThat(list.version().getCaseNo()).isEqualTo(exit.getCaseNo());
        assertThat(list.items()).noneMatch(i -> i.getCode().equals(duty.getCode()));
        assertThat(lists.everItem("T01")).filteredOn(i -> i.getCode().equals(duty.getCode())).singleElement()
                .satisfies(i -> {
                    assertThat(i.getRemovedInVersion()).isEqualTo(version + 1);
                    assertThat(i.getRemovedCaseNo()).isEqualTo(exit.getCaseNo());
                    assertThat(i.inVersion(version)).isTrue();
                });
        assertThat(record.ofCase(exit.getCaseNo())).extracting(CaseDecision::getDecisionLabel, CaseDecision::getActorUser)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("同意退出", "cgzf-off"),
                        org.assertj.core.groups.Tuple.tuple("同意退出", "bianban"));
    }

    @Test
    void shouldKeepTheDutyWhenTheHandBackIsRejected() {
        DutyItem duty = admittedDuty("S02", "WJ");
        ProcessInstance pi = as("s02-sec", () -> runtimeService.startProcessInstanceByKey(DutyExitProcess.KEY,
                StartVariables.dutyExit("S02", duty.getCode(), "街道卫生专干不足")));
        assertRefused(() -> complete("wj-off", task(pi, DEPT_OPINION), Map.of(Vars.DEPT_OPINION,
                DutyExitProcess.DISAGREE)), "请填写不同意退出的理由");
        complete("wj-off", task(pi, DEPT_OPINION), Map.of(Vars.DEPT_OPINION, DutyExitProcess.DISAGREE,
                Vars.DEPT_OPINION_COMMENT, "已随事下沉经费，街道应继续承担"));
        complete("bianban", task(pi, DECIDE), Map.of(Vars.EXIT_DECISION, DutyExits.REJECT,
                Vars.EXIT_COMMENT, "经费和人员已到位"));

        assertThat(pi).hasPassed(DEPT_OPINION, DECIDE, REJECTED).hasNotPassed(REMOVE).isEnded();
        assertThat(historicVariable(pi, Vars.OUTCOME)).isEqualTo(DutyExitProcess.OUTCOME_REJECTED);
        DutyExitCase exit = exit(pi);
        assertThat(exit.getStatus()).isEqualTo(ExitStatus.REJECTED);
        assertThat(exit.getDeptOpinion()).isEqualTo(DutyExitProcess.DISAGREE);
        assertThat(exit.getDeptComment()).isEqualTo("已随事下沉经费，街道应继续承担");
        assertThat(exit.getDecisionComment()).isEqualTo("经费和人员已到位");
        assertThat(lists.currentItem("S02", duty.getCode())).isPresent();
    }

    @Test
    void shouldRefuseHandBacksThatCannotBeMadeAndWriteNothing() {
        DutyItem duty = admittedDuty("S01", "GA");
        long before = jdbc.queryForObject("select count(*) from duty_exit_case", Long.class);
        assertRefused(() -> start("s01-off", StartVariables.dutyExit("S01", "DJ-01", "理由")),
                "是街道/镇的基本职责，没有主管部门，不能申请退出");
        assertRefused(() -> start("s01-off", StartVariables.dutyExit("S01", "XX-99", "理由")),
                "东华街道的履职清单中没有事项 XX-99");
        assertRefused(() -> start("s02-off", StartVariables.dutyExit("S01", duty.getCode(), "理由")),
                "只能为本街道/镇申请退出事项");
        assertRefused(() -> start("s01-off", StartVariables.dutyExit("S01", duty.getCode(), " ")), "请填写退出理由");
        assertRefused(() -> start("s01-off", StartVariables.dutyExit(null, null, null)), "请选择申请退出的街道/镇");
        assertThat(jdbc.queryForObject("select count(*) from duty_exit_case", Long.class)).isEqualTo(before);

        ProcessInstance first = start("s01-sec", StartVariables.dutyExit("S01", duty.getCode(), "力量不足"));
        assertThat(first).isWaitingAt(DEPT_OPINION);
        assertRefused(() -> start("s01-off", StartVariables.dutyExit("S01", duty.getCode(), "力量不足")),
                "已有在办的退出申请");
    }

    // ---- helpers ----

    /** A duty admitted to the street outside any case of these tests, guided by {@code dept}. */
    private DutyItem admittedDuty(String org, String dept) {
        String code = "ZR-T-" + Long.toString(System.nanoTime(), 36);
        return lists.admit(org, code, "测试准入事项" + code, DutyCategory.PUBLIC_SERVICE, dept, 1, new BigDecimal("3.00"),
                null, LocalDate.of(2026, 1, 1));
    }

    private ProcessInstance start(String user, Map<String, Object> vars) {
        return as(user, () -> runtimeService.startProcessInstanceByKey(DutyExitProcess.KEY, vars));
    }

    private DutyExitCase exit(ProcessInstance pi) {
        return exits.findByCaseNo(pi.getBusinessKey()).orElseThrow();
    }

    private Object historicVariable(ProcessInstance instance, String name) {
        var v = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).list();
        return v.isEmpty() ? null : v.get(v.size() - 1).getValue();
    }
}
