package cn.streetgov.approval;

import static cn.streetgov.appointment.process.ConsultationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.appointment.process.ConsultationTestData;
import cn.streetgov.casework.ApprovalOperation;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.CaseNotification;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.Notifications;
import cn.streetgov.common.ForbiddenException;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.TooSoonException;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.PostRole;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 退回, 转办, 加签/减签 and 催办 on {@code cadre-consultation}: deadlines and reminders after a return. */
class AppointmentApprovalOperationsTest extends ApprovalTestSupport {

    static final String AGENCY = "S01-GA";

    @Autowired
    OrgDirectory directory;
    @Autowired
    Notifications notifications;

    @Test
    void shouldReturnTheDepartmentsDecisionToTheStreetCommitteeWithAFreshDeadlineAndReminders() {
        ProcessInstance pi = start("新所长甲");
        Task street = task(pi, STREET_OPINION);
        Date firstDue = street.getDueDate();
        complete("s01-sec", street, streetVars("AGREE"));
        // two days later the department sends it back to the street committee
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 2 * 24 * 3600_000L));
        Task dept = task(pi, DEPT_DECISION);

        ApprovalOperations.Done returned = by("ga-off", u -> ops.returnTask(u, dept.getId(), STREET_OPINION, null,
                "人选档案已补充，请街道党工委重新研究"));

        assertThat(returned.message()).contains("街道党(工)委会议答复意见");
        Task again = task(pi, STREET_OPINION);
        assertThat(again.getAssignee()).isEqualTo("s01-sec");
        assertThat(again.getDueDate()).isAfter(firstDue);
        assertThat(CaseClock.toLocal(again.getDueDate()).toLocalDate()).isEqualTo(CaseClock.today().plusDays(7));
        // the reply deadline and reminder timers of the reopened task lie ahead, not in the past
        List<Job> timers = managementService.createJobQuery().processInstanceId(pi.getId()).timers().list();
        assertThat(timers).hasSize(2).allSatisfy(t -> assertThat(t.getDuedate()).isAfter(ClockUtil.getCurrentTime()));
        List<CaseNotification> notices = notifications.ofCase(pi.getBusinessKey());
        assertThat(notices).anySatisfy(n -> {
            assertThat(n.getKind()).isEqualTo(NoticeKind.RETURN);
            assertThat(n.getRecipientUser()).isEqualTo("s01-sec");
            assertThat(n.getMessage()).contains("人选档案已补充");
        });

        complete("s01-sec", again, streetVars("AGREE"));
        assertThat(task(pi, DEPT_DECISION)).isNotNull();
        List<CaseRecordView.Opinion> opinions = by("s01-sec", u -> view.opinions(u, pi.getId()));
        assertThat(opinions).extracting(CaseRecordView.Opinion::type, CaseRecordView.Opinion::userId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("APPROVE", "s01-sec"),
                        org.assertj.core.groups.Tuple.tuple("RETURN", "ga-off"),
                        org.assertj.core.groups.Tuple.tuple("APPROVE", "s01-sec"));
        assertThat(opinions.get(1).orgCode()).isEqualTo("GA");
        assertThat(opinions.get(1).text()).isEqualTo("人选档案已补充，请街道党工委重新研究");
    }

    @Test
    void shouldTransferTheStreetOpinionWithinTheCommitteeButNeverToAnotherStreetAndNeverDelegateIt() {
        ProcessInstance pi = start("新所长乙");
        String deputy = colleague(PostRole.STREET_COMMITTEE, "S01", "王", "副书记");
        Task street = task(pi, STREET_OPINION);

        List<ApprovalOperations.Person> people = by("s01-sec", u -> ops.people(u, street.getId(),
                ApprovalOperation.TRANSFER));
        assertThat(people).extracting(ApprovalOperations.Person::userId).containsExactly(deputy);
        assertThat(by("s01-sec", u -> ops.operations(u, street.getId())).operations())
                .contains(ApprovalOperation.TRANSFER).doesNotContain(ApprovalOperation.DELEGATE);
        assertThatThrownBy(() -> by("s01-sec", u -> ops.transfer(u, street.getId(), "s02-sec", "请西岭街道代答")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("只能转办给可办理");
        assertThatThrownBy(() -> by("s01-sec", u -> ops.delegate(u, street.getId(), deputy, "请代为处理")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("不允许委派");
        assertThatThrownBy(() -> by("s01-sec", u -> ops.transfer(u, street.getId(), deputy, "")))
                .isInstanceOf(InvalidInputException.class).hasMessage("请填写转办理由");
        assertThat(task(pi, STREET_OPINION).getAssignee()).isNull();

        by("s01-sec", u -> ops.transfer(u, street.getId(), deputy, "书记出差，由副书记主持会议"));
        assertThat(task(pi, STREET_OPINION).getAssignee()).isEqualTo(deputy);
        complete(deputy, task(pi, STREET_OPINION), streetVars("AGREE"));
        List<CaseDecision> all = record.ofProcessInstance(pi.getId());
        assertThat(all).extracting(CaseDecision::getType, CaseDecision::getActorUser).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CaseDecision.Type.TRANSFER, "s01-sec"),
                org.assertj.core.groups.Tuple.tuple(CaseDecision.Type.DECISION, deputy));
        assertThat(all.get(0).getDetails()).contains("\"toUser\":\"" + deputy + "\"", "\"fromUser\":\"s01-sec\"");
        assertThat(all.get(1).getActorPost()).isEqualTo("科员");
    }

    @Test
    void shouldAddAnApproverAfterTheHolderAndRemoveOneWhoHasNotActed() {
        ProcessInstance pi = start("新所长丙");
        String member = colleague(PostRole.STREET_COMMITTEE, "S01", "李", "委员");
        String other = colleague(PostRole.STREET_COMMITTEE, "S01", "赵", "委员");
        Task street = task(pi, STREET_OPINION);

        by("s01-sec", u -> signatures.addSign(u, street.getId(), List.of(member), "AFTER", "本人同意，请李委员核定"));
        assertThat(task(pi, STREET_OPINION).getAssignee()).isEqualTo(member);
        assertThatThrownBy(() -> by("s01-sec", u -> signatures.addSign(u, street.getId(), List.of(member, other),
                "AFTER", "两人")))
                .isInstanceOf(ForbiddenException.class);
        by("s01-sec", u -> signatures.removeSign(u, street.getId(), member, "李委员回避"));
        assertThat(task(pi, STREET_OPINION).getAssignee()).isEqualTo("s01-sec");

        by("s01-sec", u -> signatures.addSign(u, street.getId(), List.of(other), "BEFORE", "请赵委员先提意见"));
        Task sign = taskService.createTaskQuery().taskAssignee(other).singleResult();
        assertThat(sign.getParentTaskId()).isEqualTo(street.getId());
        assertThat(sign.getDueDate()).isEqualTo(street.getDueDate());
        // the signer's Tasklist reads the case of the task it signs for
        ApprovalOperations.Operations forSigner = by(other, u -> ops.operations(u, sign.getId()));
        assertThat(forSigner.processInstanceId()).isEqualTo(pi.getId());
        assertThatThrownBy(() -> complete("s01-sec", task(pi, STREET_OPINION), streetVars("AGREE"))).rootCause()
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("尚有加签人未签署意见：赵委员");
        by(other, u -> signatures.sign(u, sign.getId(), "同意任免", true));
        complete("s01-sec", task(pi, STREET_OPINION), streetVars("AGREE"));

        assertThat(record.ofProcessInstance(pi.getId())).extracting(CaseDecision::getType).containsExactly(
                CaseDecision.Type.ADD_SIGN, CaseDecision.Type.REMOVE_SIGN, CaseDecision.Type.ADD_SIGN,
                CaseDecision.Type.SIGN, CaseDecision.Type.DECISION);
        List<CaseRecordView.Opinion> opinions = by("auditor", u -> view.opinions(u, pi.getId()));
        assertThat(opinions).extracting(CaseRecordView.Opinion::type)
                .containsExactly("ADD_SIGN", "REMOVE_SIGN", "ADD_SIGN", "APPROVE", "APPROVE");
    }

    @Test
    void shouldRemindAnAddedApproverBeforeTheDueDateOfTheTaskLikeAnyTask() {
        ProcessInstance pi = start("新所长戊");
        String member = colleague(PostRole.STREET_COMMITTEE, "S01", "孙", "委员");
        Task street = task(pi, STREET_OPINION);
        by("s01-sec", u -> signatures.addSign(u, street.getId(), List.of(member), "PARALLEL", "请孙委员一并表态"));
        Task sign = taskService.createTaskQuery().taskAssignee(member).singleResult();
        // a sign task carries its case like every task; the step named is the plain step of the BPMN
        assertThat(sign.getName()).isEqualTo("【" + pi.getBusinessKey() + "】并行加签：街道党(工)委会议答复意见");

        // a day before the reply deadline
        ClockUtil.setCurrentTime(new Date(street.getDueDate().getTime() - 12 * 3600_000L));
        sweep.sweepCase(pi.getId());

        assertThat(notifications.ofCase(pi.getBusinessKey())).anySatisfy(n -> {
            assertThat(n.getKind()).isEqualTo(NoticeKind.REMINDER);
            assertThat(n.getRecipientUser()).isEqualTo(member);
            assertThat(n.getMessage()).contains("并行加签");
        });
    }

    @Autowired
    cn.streetgov.casework.DeadlineSweep sweep;

    @Test
    void shouldLetTheStarterUrgeOnceAnHour() {
        ProcessInstance pi = start("新所长丁");
        Task street = task(pi, STREET_OPINION);
        assertThatThrownBy(() -> by("s02-sec", u -> ops.urge(u, street.getId(), "请尽快")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("只有案件发起人或该步骤的督办单位");

        by("ga-off", u -> ops.urge(u, street.getId(), "请在本周内召开会议"));
        assertThatThrownBy(() -> by("ga-off", u -> ops.urge(u, street.getId(), "再催一次")))
                .isInstanceOf(TooSoonException.class).hasMessageContaining("每小时最多催办一次")
                .hasMessageContaining("下次可催办时间");
        // the organisation department supervises the step (its escalations go there), but the hour counts per task
        assertThatThrownBy(() -> by("orgdept", u -> ops.urge(u, street.getId(), null)))
                .isInstanceOf(TooSoonException.class);
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 61 * 60_000L));
        by("orgdept", u -> ops.urge(u, street.getId(), null));

        List<CaseDecision> urges = entries(pi, CaseDecision.Type.URGE);
        assertThat(urges).extracting(CaseDecision::getActorUser, CaseDecision::getDecisionLabel).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ga-off", "第 1 次催办"),
                org.assertj.core.groups.Tuple.tuple("orgdept", "第 2 次催办"));
        assertThat(notifications.ofCase(pi.getBusinessKey())).filteredOn(n -> n.getKind() == NoticeKind.URGE)
                .hasSize(2).allSatisfy(n -> assertThat(n.getRecipientGroup()).isEqualTo("street-committee-S01"));
    }

    // ---------------------------------------------------------------- helpers

    private ProcessInstance start(String candidate) {
        directory.appointHead(AGENCY, "原所长", "东华派出所所长", LocalDate.of(2024, 1, 1));
        Map<String, Object> vars = ConsultationTestData.appointment(candidate);
        return as("ga-off", () -> runtimeService.startProcessInstanceByKey(KEY, vars));
    }

    private static Map<String, Object> streetVars(String opinion) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(STREET_OPINION_VAR, opinion);
        vars.put(MEETING_DATE, CaseClock.today().toString());
        return vars;
    }
}
