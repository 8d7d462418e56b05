package cn.streetgov.approval;

import static cn.streetgov.delegation.process.PowerDelegationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.streetgov.casework.ApprovalOperation;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.common.ConflictException;
import cn.streetgov.common.ForbiddenException;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.TooSoonException;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import cn.streetgov.org.domain.PostRole;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** 转办, 委派/交还, 抄送/已阅 and 催办 on {@code power-delegation}. */
class DelegationHandOverOperationsTest extends DelegationApprovalTestSupport {

    @Test
    void shouldTransferAStreetsReviewToAColleagueAndRefuseSomeoneOutsideItsGroups() {
        ProcessInstance instance = start(List.of("S01"));
        String colleague = colleague(PostRole.STREET_OFFICE, "S01", "陈", "科员");
        Task review = capacityTask(instance, "S01");

        assertThatThrownBy(() -> by("s01-off", u -> ops.transfer(u, review.getId(), "s02-off", "请西岭街道办理")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("只能转办给可办理「评估承接能力」的本单位人员");
        assertThatThrownBy(() -> by("s01-off", u -> ops.transfer(u, review.getId(), "s01-off", "给自己")))
                .isInstanceOf(InvalidInputException.class).hasMessage("不能转办给自己");
        assertThat(entries(instance, CaseDecision.Type.TRANSFER)).isEmpty();

        by("s01-off", u -> ops.transfer(u, review.getId(), colleague, "由分管科室办理"));
        assertThat(capacityTask(instance, "S01").getAssignee()).isEqualTo(colleague);
        // the transferred task is the colleague's now: the one who passed it on can no longer act on it
        assertThatThrownBy(() -> by("s01-off", u -> ops.transfer(u, review.getId(), colleague, "再转")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("已由");
        complete(colleague, capacityTask(instance, "S01"), Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        assertThat(record.ofProcessInstance(instance.getId())).extracting(CaseDecision::getType, CaseDecision::getActorUser)
                .containsExactly(tuple(CaseDecision.Type.TRANSFER, "s01-off"), tuple(CaseDecision.Type.DECISION, colleague));
    }

    @Test
    void shouldDelegateTheStaffingToAColleagueWhoResolvesItBackToTheOwner() {
        ProcessInstance instance = start(List.of("S01"));
        complete("s01-off", capacityTask(instance, "S01"), Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        complete("legal", task(instance, REVIEW_LEGALITY), Map.of(Vars.LEGAL_DECISION, LEGAL_LAWFUL));
        String clerk = colleague(PostRole.BIANBAN, null, "周", "科员");
        Task staffing = task(instance, CONFIRM_STAFFING);

        by("bianban", u -> ops.delegate(u, staffing.getId(), clerk, "请核对编制数后交还"));
        Task delegated = task(instance, CONFIRM_STAFFING);
        assertThat(delegated.getOwner()).isEqualTo("bianban");
        assertThat(delegated.getAssignee()).isEqualTo(clerk);
        assertThat(delegated.getDelegationState()).isEqualTo(DelegationState.PENDING);
        assertThat(by(clerk, u -> ops.operations(u, staffing.getId())).operations())
                .containsExactly(ApprovalOperation.RESOLVE, ApprovalOperation.COPY);
        assertThatThrownBy(() -> complete(clerk, delegated, Map.of(Vars.STAFFING_DECISION, "APPROVE"))).rootCause()
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("处理完毕交还");
        assertThatThrownBy(() -> by("bianban", u -> ops.resolve(u, staffing.getId(), "x")))
                .isInstanceOf(ForbiddenException.class);

        by(clerk, u -> ops.resolve(u, staffing.getId(), "编制数核对无误"));
        Task back = task(instance, CONFIRM_STAFFING);
        assertThat(back.getAssignee()).isEqualTo("bianban");
        assertThat(back.getDelegationState()).isEqualTo(DelegationState.RESOLVED);
        assertThatThrownBy(() -> by(clerk, u -> ops.resolve(u, staffing.getId(), null)))
                .isInstanceOf(ConflictException.class);
        complete("bianban", back, Map.of(Vars.STAFFING_DECISION, "APPROVE"));

        List<CaseDecision> handOver = record.ofProcessInstance(instance.getId()).stream()
                .filter(d -> d.getType() == CaseDecision.Type.DELEGATE || d.getType() == CaseDecision.Type.RESOLVE)
                .toList();
        assertThat(handOver).extracting(CaseDecision::getType, CaseDecision::getActorUser, CaseDecision::getComment)
                .containsExactly(tuple(CaseDecision.Type.DELEGATE, "bianban", "请核对编制数后交还"),
                        tuple(CaseDecision.Type.RESOLVE, clerk, "编制数核对无误"));
        assertThat(handOver).allSatisfy(d -> assertThat(d.getDetails())
                .contains("\"owner\":\"bianban\"", "\"delegate\":\"" + clerk + "\""));
        assertThat(auditTypes(instance)).contains("DELEGATE", "RESOLVE");
    }

    @Test
    void shouldLetACopiedOfficialReadTheCaseButNotActOnIt() {
        ProcessInstance instance = start(List.of("S01"));
        Task review = capacityTask(instance, "S01");
        assertThatThrownBy(() -> by("ga-off", u -> view.opinions(u, instance.getId())))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("无权查阅案件");

        long unreadBefore = by("ga-off", u -> view.copies(u)).unread();
        by("s01-off", u -> ops.copy(u, review.getId(), List.of("ga-off"), List.of("street-committee-S01"),
                "请派出所知悉，涉及夜间执法"));

        CaseRecordView.Copies copies = by("ga-off", u -> view.copies(u));
        assertThat(copies.unread()).isEqualTo(unreadBefore + 1);
        CaseRecordView.Copy copy = copies.items().stream().filter(c -> c.processInstanceId().equals(instance.getId()))
                .findFirst().orElseThrow();
        assertThat(copy.fromUserId()).isEqualTo("s01-off");
        assertThat(copy.note()).isEqualTo("请派出所知悉，涉及夜间执法");
        assertThat(copy.readAt()).isNull();
        assertThat(by("s01-sec", u -> view.copies(u)).items()).anyMatch(c -> c.processInstanceId().equals(instance.getId()));
        List<CaseRecordView.Opinion> read = by("ga-off", u -> view.opinions(u, instance.getId()));
        assertThat(read).extracting(CaseRecordView.Opinion::type).containsExactly("COPY");

        // reading, never acting
        assertThat(by("ga-off", u -> ops.operations(u, review.getId())).operations()).isEmpty();
        assertThatThrownBy(() -> by("ga-off", u -> ops.returnTargets(u, review.getId())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> complete("ga-off", review, Map.of(Vars.CAPACITY_DECISION, "ACCEPT")))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> by("ga-off", u -> view.read(u, copy.id() + 100000)))
                .hasMessageContaining("抄送记录不存在");

        by("ga-off", u -> view.read(u, copy.id()));
        by("ga-off", u -> view.read(u, copy.id()));
        assertThat(by("ga-off", u -> view.copies(u)).unread()).isEqualTo(unreadBefore);
        assertThatThrownBy(() -> by("s02-off", u -> view.read(u, copy.id()))).isInstanceOf(ForbiddenException.class);
        assertThat(entries(instance, CaseDecision.Type.READ)).singleElement()
                .satisfies(r -> assertThat(r.getActorUser()).isEqualTo("ga-off"));
        assertThat(capacityTask(instance, "S01").getAssignee()).isNull();
    }

    @Test
    void shouldLetTheStarterAndTheSupervisorUrgeAtMostOnceAnHour() {
        ProcessInstance instance = start(List.of("S01"));
        Task review = capacityTask(instance, "S01");
        by("cgzf-off", u -> ops.urge(u, review.getId(), "请于周五前反馈"));
        TooSoonException refused = org.junit.jupiter.api.Assertions.assertThrows(TooSoonException.class,
                () -> by("bianban", u -> ops.urge(u, review.getId(), null)));
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getMessage()).contains("下次可催办时间");
        assertThatThrownBy(() -> by("s03-off", u -> ops.urge(u, review.getId(), null)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(entries(instance, CaseDecision.Type.URGE)).singleElement().satisfies(u -> {
            assertThat(u.getActorUser()).isEqualTo("cgzf-off");
            assertThat(u.getComment()).isEqualTo("请于周五前反馈");
        });
        assertThat(auditTypes(instance)).containsOnlyOnce("URGE");
    }
}
