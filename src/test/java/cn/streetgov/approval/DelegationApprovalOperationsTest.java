package cn.streetgov.approval;

import static cn.streetgov.delegation.process.PowerDelegationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.casework.ApprovalOperation;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.common.BusinessException;
import cn.streetgov.common.ConflictException;
import cn.streetgov.common.ForbiddenException;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.delegation.domain.CaseStatus;
import cn.streetgov.delegation.domain.DelegationCases;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import cn.streetgov.casework.CaseClock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** 退回, 撤回 and the typed record on {@code power-delegation}: parallel branches and a multi-instance step. */
class DelegationApprovalOperationsTest extends DelegationApprovalTestSupport {

    @Test
    void shouldReturnFromStaffingIntoOneStreetsCapacityReviewWithoutRedoingTheOthers() {
        ProcessInstance instance = reviewedAndAtStaffing();
        Task staffing = task(instance, CONFIRM_STAFFING);
        List<ApprovalOperations.ReturnTarget> targets = by("bianban", u -> ops.returnTargets(u, staffing.getId()));
        assertThat(targets).extracting(ApprovalOperations.ReturnTarget::label)
                .anyMatch(l -> l.startsWith("评估承接能力（东华街道"))
                .anyMatch(l -> l.startsWith("评估承接能力（南湖街道"))
                .anyMatch(l -> l.startsWith("合法性审查"))
                .anyMatch(l -> l.startsWith("退回发起人：修改编制划转"));
        ApprovalOperations.ReturnTarget s01 = targets.stream().filter(t -> t.label().contains("东华街道")).findFirst()
                .orElseThrow();
        assertThat(s01.assignee()).isEqualTo("s01-off");

        ApprovalOperations.Done done = by("bianban", u -> ops.returnTask(u, staffing.getId(), REVIEW_CAPACITY,
                s01.taskId(), "东华街道的承接条件不明确，请重新评估"));

        assertThat(done.message()).contains("已退回至「评估承接能力」", "重新办理");
        assertThat(openKeys(instance)).containsExactly(REVIEW_CAPACITY);
        Task again = task(instance, REVIEW_CAPACITY);
        assertThat(again.getAssignee()).isEqualTo("s01-off");
        assertThat(taskService.getIdentityLinksForTask(again.getId()))
                .anyMatch(link -> "street-office-S01".equals(link.getGroupId()));
        assertThat(again.getDueDate()).isAfter(CaseClock.toDate(CaseClock.now()));
        assertThat(cases.requireByNo(instance.getBusinessKey()).getStatus()).isEqualTo(CaseStatus.IN_REVIEW);

        // only S01 reviews again; the legal review and S03's review are not redone
        complete("s01-off", again, Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        assertThat(instance).isWaitingAt(CONFIRM_STAFFING);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(REVIEW_LEGALITY).count()).isEqualTo(1);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(REVIEW_CAPACITY).count()).isEqualTo(3);

        CaseDecision returned = entries(instance, CaseDecision.Type.RETURN).get(0);
        assertThat(returned.getActorUser()).isEqualTo("bianban");
        assertThat(returned.getActorGroup()).isEqualTo("bianban");
        assertThat(returned.getComment()).isEqualTo("东华街道的承接条件不明确，请重新评估");
        assertThat(returned.getDecisionLabel()).isEqualTo("退回至：评估承接能力");
        assertThat(returned.getDetails()).contains("\"element\":\"S01\"", "\"toUser\":\"s01-off\"");
        List<CaseRecordView.Opinion> opinions = by("auditor", u -> view.opinions(u, instance.getId()));
        assertThat(opinions).extracting(CaseRecordView.Opinion::type)
                .containsSubsequence("APPROVE", "APPROVE", "APPROVE", "RETURN", "APPROVE");
        assertThat(opinions).filteredOn(o -> o.type().equals("RETURN")).singleElement()
                .satisfies(o -> {
                    assertThat(o.typeLabel()).isEqualTo("退回");
                    assertThat(o.orgName()).isEqualTo("区委编办");
                    assertThat(o.orgCode()).isEqualTo("bianban");
                    assertThat(o.time()).isNotNull();
                });
        assertThat(auditTypes(instance)).contains("RETURN");
    }

    @Test
    void shouldReturnTheLegalReviewToTheDepartmentWhileTheCapacityReviewsGoOn() {
        ProcessInstance instance = start(List.of("S01", "S03"));
        complete("s01-off", capacityTask(instance, "S01"), Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        Task s03 = capacityTask(instance, "S03");
        Task legal = task(instance, REVIEW_LEGALITY);

        assertThat(by("legal", u -> ops.operations(u, legal.getId())).operations())
                .contains(ApprovalOperation.RETURN_TO_STARTER).doesNotContain(ApprovalOperation.RETURN);
        by("legal", u -> ops.returnTask(u, legal.getId(), REVISE_PROPOSAL, null, "法律依据引用的条款已废止"));

        assertThat(openKeys(instance)).containsExactly(REVIEW_CAPACITY, REVISE_PROPOSAL);
        assertThat(capacityTask(instance, "S03").getId()).isEqualTo(s03.getId());
        Task revise = task(instance, REVISE_PROPOSAL);
        assertThat(revise.getAssignee()).isEqualTo("cgzf-off");
        assertThat(cases.requireByNo(instance.getBusinessKey()).getStatus()).isEqualTo(CaseStatus.REVISING);

        complete("cgzf-off", revise, Map.of(Vars.REVISION_DECISION, REVISION_RESUBMIT, Vars.LEGAL_BASIS,
                "《城市道路管理条例》（2019 年修订）", Vars.REASON, "直接面向群众"));
        assertThat(openKeys(instance)).containsExactly(REVIEW_CAPACITY, REVIEW_LEGALITY);
        complete("legal", task(instance, REVIEW_LEGALITY), Map.of(Vars.LEGAL_DECISION, LEGAL_LAWFUL));
        complete("s03-off", capacityTask(instance, "S03"), Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        assertThat(instance).isWaitingAt(CONFIRM_STAFFING);
        assertThat(entries(instance, CaseDecision.Type.RETURN)).singleElement()
                .satisfies(r -> assertThat(r.getDecisionLabel()).isEqualTo("退回发起人：修改或撤回申请"));
    }

    @Test
    void shouldRefuseAReturnToAStepTheCaseNeverReachedOrThatDoesNotLeadHere() {
        ProcessInstance instance = start(List.of("S01", "S03"));
        Task s01 = capacityTask(instance, "S01");
        assertThatThrownBy(() -> by("s01-off", u -> ops.returnTask(u, s01.getId(), CONFIRM_STAFFING, null, "试一试")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不能退回到「确认编随事转」")
                .hasMessageContaining("没有办理过该步骤");
        complete("s03-off", capacityTask(instance, "S03"), Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        // S03's review is done, but it does not lead to S01's review
        assertThatThrownBy(() -> by("s01-off", u -> ops.returnTask(u, s01.getId(), REVIEW_CAPACITY, null, "试一试")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> by("s01-off", u -> ops.returnTask(u, s01.getId(), REVIEW_LEGALITY, null, " ")))
                .isInstanceOf(InvalidInputException.class).hasMessage("请填写退回理由");
        assertThat(entries(instance, CaseDecision.Type.RETURN)).isEmpty();
        assertThat(openKeys(instance)).containsExactly(REVIEW_CAPACITY, REVIEW_LEGALITY);
    }

    @Test
    void shouldWithdrawAStreetsReviewWhileTheOtherStreetsStillReview() {
        ProcessInstance instance = start(List.of("S01", "S03"));
        complete("s01-off", capacityTask(instance, "S01"), Map.of(Vars.CAPACITY_DECISION, "REJECT",
                Vars.CAPACITY_COMMENT, "执法力量不足"));
        String done = historicTask(instance, REVIEW_CAPACITY, "s01-off");

        by("s01-off", u -> ops.withdraw(u, done, "选错了承接意见"));

        Task again = capacityTask(instance, "S01");
        assertThat(again).isNotNull();
        assertThat(again.getAssignee()).isEqualTo("s01-off");
        complete("s01-off", again, Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        complete("s03-off", capacityTask(instance, "S03"), Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        complete("legal", task(instance, REVIEW_LEGALITY), Map.of(Vars.LEGAL_DECISION, LEGAL_LAWFUL));
        assertThat(instance).isWaitingAt(CONFIRM_STAFFING);
        assertThat(variable(instance, Vars.ACCEPTED_TARGET_COUNT)).isEqualTo(2);
        assertThat(entries(instance, CaseDecision.Type.WITHDRAW)).singleElement()
                .satisfies(w -> assertThat(w.getActorUser()).isEqualTo("s01-off"));
    }

    @Test
    void shouldWithdrawTheLegalReviewWhileTheStaffingIsUntouchedAndRefuseOnceItIsClaimed() {
        ProcessInstance instance = reviewedAndAtStaffing();
        String legalDone = historicTask(instance, REVIEW_LEGALITY, "legal");

        by("legal", u -> ops.withdraw(u, legalDone, "审查意见漏写了条件"));
        assertThat(openKeys(instance)).containsExactly(REVIEW_LEGALITY);
        complete("legal", task(instance, REVIEW_LEGALITY), Map.of(Vars.LEGAL_DECISION, LEGAL_LAWFUL,
                Vars.LEGAL_COMMENT, "合法，须公示"));
        assertThat(instance).isWaitingAt(CONFIRM_STAFFING);

        Task staffing = task(instance, CONFIRM_STAFFING);
        as("bianban", () -> {
            taskService.claim(staffing.getId(), "bianban");
            return null;
        });
        // the legal review done again (not by end time: MariaDB keeps the history in whole seconds)
        String secondLegal = historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(REVIEW_LEGALITY).finished().list().stream()
                .filter(t -> !t.getId().equals(legalDone)).findFirst().orElseThrow().getId();
        assertThatThrownBy(() -> by("legal", u -> ops.withdraw(u, secondLegal, "再改一次")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已由").hasMessageContaining("认领");
        assertThatThrownBy(() -> by("s01-off", u -> ops.withdraw(u, secondLegal, "不是我办的")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(openKeys(instance)).containsExactly(CONFIRM_STAFFING);
    }

    @Test
    void shouldRefuseEveryOperationToAnAuditor() {
        ProcessInstance instance = start(List.of("S01"));
        Task s01 = capacityTask(instance, "S01");
        String id = s01.getId();
        List<Runnable> attempts = List.of(
                () -> by("auditor", u -> ops.returnTargets(u, id)),
                () -> by("auditor", u -> ops.returnTask(u, id, REVIEW_CAPACITY, null, "x")),
                () -> by("auditor", u -> ops.transfer(u, id, "s01-off", "x")),
                () -> by("auditor", u -> ops.delegate(u, id, "s01-off", "x")),
                () -> by("auditor", u -> ops.resolve(u, id, "x")),
                () -> by("auditor", u -> signatures.addSign(u, id, List.of("s01-off"), "BEFORE", "x")),
                () -> by("auditor", u -> signatures.removeSign(u, id, "s01-off", "x")),
                () -> by("auditor", u -> ops.copy(u, id, List.of("s01-off"), List.of(), "x")),
                () -> by("auditor", u -> ops.urge(u, id, "x")),
                () -> by("auditor", u -> ops.withdraw(u, id, "x")));
        for (Runnable attempt : attempts) {
            assertThatThrownBy(attempt::run).isInstanceOf(ForbiddenException.class)
                    .hasMessageContaining("审计人员只能查阅");
        }
        assertThat(by("auditor", u -> ops.operations(u, id)).operations()).isEmpty();
        assertThat(record.ofProcessInstance(instance.getId())).isEmpty();
    }

    @Test
    void shouldRefuseATaskOfAnotherOrganisation() {
        ProcessInstance instance = start(List.of("S01"));
        Task s01 = capacityTask(instance, "S01");
        assertThatThrownBy(() -> by("s02-off", u -> ops.returnTargets(u, s01.getId())))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("不是您所在单位的任务");
        assertThatThrownBy(() -> by("s02-off", u -> ops.copy(u, s01.getId(), List.of("s02-sec"), null, null)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> by("s01-off", u -> ops.transfer(u, "no-such-task", "s01-sec", "x")))
                .isInstanceOf(BusinessException.class).hasMessageContaining("任务不存在");
    }
}
