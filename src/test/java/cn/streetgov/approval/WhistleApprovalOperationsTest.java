package cn.streetgov.approval;

import static cn.streetgov.whistle.process.WhistleProcess.Elements.CONFIRM;
import static cn.streetgov.whistle.process.WhistleProcess.Elements.HANDLE;
import static cn.streetgov.whistle.process.WhistleProcess.Elements.REPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.casework.ApprovalOperation;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.common.ConflictException;
import cn.streetgov.common.ForbiddenException;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.test.Http;
import cn.streetgov.test.Officials;
import cn.streetgov.whistle.domain.CaseStatus;
import cn.streetgov.whistle.domain.WhistleCase;
import cn.streetgov.whistle.domain.WhistleCaseService;
import cn.streetgov.whistle.process.WhistleProcess;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 退回, 撤回, 委派/交还, 抄送 and 加签/减签 on {@code whistle-dispatch}: the department reports (a
 * multi-instance sub-process, one per department) and the street office's joint handling.
 */
class WhistleApprovalOperationsTest extends ApprovalTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WhistleCaseService cases;
    @LocalServerPort
    int port;

    private static final java.time.format.DateTimeFormatter MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    // ---------------------------------------------------------------- 1. 退回 into one department's report

    /* After the return the department reports again (its summons is due again, not "已报到"). */
    @Test
    void shouldReturnFromTheJointHandlingIntoOneDepartmentsReportOnly() {
        ProcessInstance pi = blow("GA,CGZF");
        complete("s01-ga-head", reportTask(pi, "GA"), Map.of(Vars.REPORT_NOTE, "派出所民警已到场"));
        complete("s01-cgzf-head", reportTask(pi, "CGZF"), Map.of(Vars.REPORT_NOTE, "城管中队已到场"));
        assertThat(pi).isWaitingAt(HANDLE);
        Date firstDeadline = (Date) runtimeService.getVariable(pi.getId(), Vars.REPORT_DEADLINE);
        // the return comes after the first report deadline (URGENT: 24 hours) has passed
        advanceClock(25 * 60);
        Task handle = task(pi, HANDLE);

        List<ApprovalOperations.ReturnTarget> targets = by("s01-off", u -> ops.returnTargets(u, handle.getId()));
        assertThat(targets).extracting(ApprovalOperations.ReturnTarget::label)
                .anyMatch(l -> l.startsWith("部门报到（公安分局"))
                .anyMatch(l -> l.startsWith("部门报到（城市管理和综合执法局"));
        ApprovalOperations.ReturnTarget ga = targets.stream().filter(t -> t.label().contains("公安分局")).findFirst()
                .orElseThrow();
        assertThat(ga.activityId()).isEqualTo(REPORT);
        assertThat(ga.assignee()).isEqualTo("s01-ga-head");
        assertThat(ga.toStarter()).isFalse();

        ApprovalOperations.Done done = by("s01-off", u -> ops.returnTask(u, handle.getId(), REPORT, ga.taskId(),
                "公安分局到场人员名单不全，请补报"));

        assertThat(done.message()).contains("已退回至「部门报到」", "重新办理");
        assertThat(openKeys(pi)).containsExactly(REPORT);
        Task again = reportTask(pi, "GA");
        assertThat(done.taskId()).isEqualTo(again.getId());
        assertThat(again.getAssignee()).isEqualTo("s01-ga-head");
        assertThat(candidateGroups(again)).containsExactly("agency-S01-GA");
        Date now = ClockUtil.getCurrentTime();
        assertThat(again.getDueDate()).isAfter(now);
        // the report deadline is given again in full (24 hours from now), timer and due date alike
        Date deadline = (Date) runtimeService.getVariable(pi.getId(), Vars.REPORT_DEADLINE);
        assertThat(deadline).isAfter(firstDeadline).isCloseTo(new Date(now.getTime() + 24 * 3_600_000L), 2_000);
        assertThat(again.getDueDate()).isEqualTo(deadline);
        assertThat((String) runtimeService.getVariable(pi.getId(), Vars.REPORT_DEADLINE_TEXT))
                .isEqualTo(CaseClock.toLocal(deadline).format(MINUTE));
        Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(deadline);

        CaseDecision returned = entries(pi, CaseDecision.Type.RETURN).get(0);
        assertThat(returned.getActorUser()).isEqualTo("s01-off");
        assertThat(returned.getActorGroup()).isEqualTo("street-office-S01");
        assertThat(returned.getComment()).isEqualTo("公安分局到场人员名单不全，请补报");
        assertThat(returned.getDecisionLabel()).isEqualTo("退回至：部门报到");
        assertThat(returned.getTaskKey()).isEqualTo(HANDLE);
        assertThat(returned.getDetails()).contains("\"element\":\"GA\"", "\"toUser\":\"s01-ga-head\"");
        assertThat(auditTypes(pi)).contains("RETURN");

        // GA reports again; CGZF's report is not redone; the case is at the joint handling again
        complete("s01-ga-head", again, Map.of(Vars.REPORT_NOTE, "已补报到场民警名单"));
        assertThat(pi).isWaitingAt(HANDLE);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(REPORT).count()).isEqualTo(3);
        assertThat(candidateGroups(task(pi, HANDLE))).containsExactly("street-office-S01");
        assertThat(caseOf(pi).getStatus()).isEqualTo(CaseStatus.HANDLING);
        assertThat(cases.summons(caseOf(pi).getId(), "GA").getReportNote()).isEqualTo("已补报到场民警名单");
        assertThat(cases.summons(caseOf(pi).getId(), "CGZF").getReportNote()).isEqualTo("城管中队已到场");
        List<CaseRecordView.Opinion> opinions = by("s01-off", u -> view.opinions(u, pi.getId()));
        assertThat(opinions).extracting(CaseRecordView.Opinion::type)
                .containsSubsequence("COMMENT", "COMMENT", "RETURN", "COMMENT");
        assertThat(opinions).filteredOn(o -> o.type().equals("RETURN")).singleElement().satisfies(o -> {
            assertThat(o.typeLabel()).isEqualTo("退回");
            assertThat(o.orgCode()).isEqualTo("S01");
            assertThat(o.text()).isEqualTo("公安分局到场人员名单不全，请补报");
        });
    }

    /* Where the case stands while the department reports again: reporting, GA's summons due again. */
    @Test
    void shouldPutTheWhistleBackToReportingWhenADepartmentsReportIsReturned() {
        ProcessInstance pi = blow("GA,CGZF");
        complete("s01-ga-head", reportTask(pi, "GA"), Map.of(Vars.REPORT_NOTE, "派出所民警已到场"));
        complete("s01-cgzf-head", reportTask(pi, "CGZF"), Map.of(Vars.REPORT_NOTE, "城管中队已到场"));
        Task handle = task(pi, HANDLE);
        String gaReport = historicTask(pi, REPORT, "s01-ga-head");

        by("s01-off", u -> ops.returnTask(u, handle.getId(), REPORT, gaReport, "请补报到场民警名单"));

        assertThat(openKeys(pi)).containsExactly(REPORT);
        WhistleCase whistle = caseOf(pi);
        assertThat(whistle.getStatus()).isEqualTo(CaseStatus.REPORTING);
        assertThat(cases.summons(whistle.getId(), "GA").isReported()).isFalse();
        assertThat(cases.summons(whistle.getId(), "CGZF").isReported()).isTrue();
    }

    // ---------------------------------------------------------------- 2. 撤回 of one department's report

    /* The withdrawn report is made again. */
    @Test
    void shouldWithdrawOneDepartmentsReportWhileTheOtherStillReports() {
        ProcessInstance pi = blow("GA,CGZF");
        complete("s01-ga-head", reportTask(pi, "GA"), Map.of(Vars.REPORT_NOTE, "到场人数写错了"));
        Task cgzf = reportTask(pi, "CGZF");
        String gaDone = historicTask(pi, REPORT, "s01-ga-head");

        ApprovalOperations.Done done = by("s01-ga-head", u -> ops.withdraw(u, gaDone, "到场人数填写有误"));

        assertThat(done.message()).isEqualTo("已撤回「部门报到」，请重新办理");
        assertThat(open(pi, REPORT)).hasSize(2);
        assertThat(reportTask(pi, "CGZF").getId()).isEqualTo(cgzf.getId());
        Task again = reportTask(pi, "GA");
        assertThat(again.getId()).isEqualTo(done.taskId());
        assertThat(again.getAssignee()).isEqualTo("s01-ga-head");
        assertThat(again.getDueDate()).isAfter(ClockUtil.getCurrentTime());
        assertThat(candidateGroups(again)).containsExactly("agency-S01-GA");
        CaseDecision withdrawal = entries(pi, CaseDecision.Type.WITHDRAW).stream().findFirst().orElseThrow();
        assertThat(withdrawal.getActorUser()).isEqualTo("s01-ga-head");
        assertThat(withdrawal.getActorGroup()).isEqualTo("agency-S01-GA");
        assertThat(withdrawal.getComment()).isEqualTo("到场人数填写有误");
        assertThat(withdrawal.getDecisionLabel()).isEqualTo("撤回：部门报到");
        assertThat(withdrawal.getTaskId()).isEqualTo(gaDone);
        assertThat(auditTypes(pi)).contains("WITHDRAW");
        List<CaseRecordView.Opinion> opinions = by("s01-off", u -> view.opinions(u, pi.getId()));
        assertThat(opinions).extracting(CaseRecordView.Opinion::type).containsExactly("COMMENT", "WITHDRAW");

        complete("s01-ga-head", again, Map.of(Vars.REPORT_NOTE, "派出所民警 3 人已到场"));
        assertThat(pi).isWaitingAt(REPORT);
        complete("s01-cgzf-head", reportTask(pi, "CGZF"), Map.of(Vars.REPORT_NOTE, "城管中队已到场"));
        assertThat(openKeys(pi)).containsExactly(HANDLE);
        assertThat(cases.summons(caseOf(pi).getId(), "GA").getReportNote()).isEqualTo("派出所民警 3 人已到场");
    }

    @Test
    void shouldRefuseToWithdrawAReportOnceTheJointHandlingIsClaimed() {
        ProcessInstance pi = blow("GA,CGZF");
        complete("s01-ga-head", reportTask(pi, "GA"), Map.of(Vars.REPORT_NOTE, "派出所民警已到场"));
        complete("s01-cgzf-head", reportTask(pi, "CGZF"), Map.of(Vars.REPORT_NOTE, "城管中队已到场"));
        Task handle = task(pi, HANDLE);
        as("s01-off", () -> {
            taskService.claim(handle.getId(), "s01-off");
            return null;
        });
        String cgzfDone = historicTask(pi, REPORT, "s01-cgzf-head");

        assertThatThrownBy(() -> by("s01-cgzf-head", u -> ops.withdraw(u, cgzfDone, "想再改一下")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("下一步「联合处置」已由")
                .hasMessageContaining("认领，不能撤回");
        assertThatThrownBy(() -> by("s01-ga-head", u -> ops.withdraw(u, cgzfDone, "不是我报的")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("只有办理「部门报到」的人可以撤回");

        assertThat(openKeys(pi)).containsExactly(HANDLE);
        assertThat(task(pi, HANDLE).getId()).isEqualTo(handle.getId());
        assertThat(task(pi, HANDLE).getAssignee()).isEqualTo("s01-off");
        assertThat(entries(pi, CaseDecision.Type.WITHDRAW)).isEmpty();
        assertThat(auditTypes(pi)).doesNotContain("WITHDRAW");
    }

    // ---------------------------------------------------------------- 3. 委派 and 交还

    @Test
    void shouldDelegateTheJointHandlingToAColleagueWhoResolvesItForTheOwnerToComplete() {
        ProcessInstance pi = atJointHandling("GA");
        String colleague = colleague(PostRole.STREET_OFFICE, "S01", "周", "晓明");
        Task handle = task(pi, HANDLE);
        List<ApprovalOperations.Person> people = by("s01-off", u -> ops.people(u, handle.getId(),
                ApprovalOperation.DELEGATE));
        assertThat(people).extracting(ApprovalOperations.Person::userId).contains(colleague).doesNotContain("s01-off");

        ApprovalOperations.Done delegated = by("s01-off", u -> ops.delegate(u, handle.getId(), colleague,
                "请核实现场清理情况后交还"));

        assertThat(delegated.message()).isEqualTo("已委派给 周晓明，对方办完后交还给您");
        Task pending = task(pi, HANDLE);
        assertThat(pending.getOwner()).isEqualTo("s01-off");
        assertThat(pending.getAssignee()).isEqualTo(colleague);
        assertThat(pending.getDelegationState()).isEqualTo(DelegationState.PENDING);
        assertThat(pending.getDueDate()).isAfter(ClockUtil.getCurrentTime());
        ApprovalOperations.Operations forDelegate = by(colleague, u -> ops.operations(u, handle.getId()));
        assertThat(forDelegate.delegated()).isTrue();
        assertThat(forDelegate.owner()).isEqualTo("s01-off");
        assertThat(forDelegate.operations()).contains(ApprovalOperation.RESOLVE)
                .doesNotContain(ApprovalOperation.RETURN, ApprovalOperation.DELEGATE, ApprovalOperation.TRANSFER);
        assertThat(by("s01-off", u -> ops.operations(u, handle.getId())).operations())
                .doesNotContain(ApprovalOperation.RESOLVE, ApprovalOperation.DELEGATE, ApprovalOperation.RETURN);
        assertThatThrownBy(() -> by("s01-off", u -> ops.resolve(u, handle.getId(), "我来交还")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("只有被委派人可以交还");
        assertThatThrownBy(() -> by(colleague, u -> ops.transfer(u, handle.getId(), "s01-off", "转回去")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("须先由其交还");

        // the delegate completing the task through the engine REST is refused: they hand it back
        User user = identityService.createUserQuery().userId(colleague).singleResult();
        user.setPassword("Zhou-Xiaoming-2025!");
        identityService.saveUser(user);
        Http.Response rest = Http.as(port, colleague, "Zhou-Xiaoming-2025!").postJson(
                "/engine-rest/task/" + handle.getId() + "/complete",
                Map.of("variables", Map.of(Vars.HANDLING_NOTE, Map.of("value", "清理完毕", "type", "String"))));
        assertThat(rest.status()).isEqualTo(400);
        assertThat(rest.body()).contains("委派给您的任务", "交还");
        assertThat(openKeys(pi)).containsExactly(HANDLE);

        ApprovalOperations.Done resolved = by(colleague, u -> ops.resolve(u, handle.getId(), "现场已清理完毕，可以办结"));

        String ownerName = ops.displayName("s01-off");
        assertThat(resolved.message()).isEqualTo("已交还给 " + ownerName);
        Task back = task(pi, HANDLE);
        assertThat(back.getAssignee()).isEqualTo("s01-off");
        assertThat(back.getOwner()).isEqualTo("s01-off");
        assertThat(back.getDelegationState()).isEqualTo(DelegationState.RESOLVED);
        complete("s01-off", back, Map.of(Vars.HANDLING_NOTE, "联合清理完毕"));
        assertThat(openKeys(pi)).containsExactly(CONFIRM);
        assertThat(candidateGroups(task(pi, CONFIRM))).containsExactly("street-office-S01");
        assertThat(task(pi, CONFIRM).getDueDate()).isAfter(ClockUtil.getCurrentTime());

        CaseDecision delegation = entries(pi, CaseDecision.Type.DELEGATE).get(0);
        assertThat(delegation.getActorUser()).isEqualTo("s01-off");
        assertThat(delegation.getActorGroup()).isEqualTo("street-office-S01");
        assertThat(delegation.getDecision()).isEqualTo(colleague);
        assertThat(delegation.getDecisionLabel()).isEqualTo("委派给 周晓明");
        assertThat(delegation.getComment()).isEqualTo("请核实现场清理情况后交还");
        assertThat(delegation.getDetails()).contains("\"owner\":\"s01-off\"", "\"delegate\":\"" + colleague + "\"");
        CaseDecision resolution = entries(pi, CaseDecision.Type.RESOLVE).get(0);
        assertThat(resolution.getActorUser()).isEqualTo(colleague);
        assertThat(resolution.getActorGroup()).isEqualTo("street-office-S01");
        assertThat(resolution.getDecision()).isEqualTo("s01-off");
        assertThat(resolution.getDecisionLabel()).isEqualTo("交还给 " + ownerName);
        assertThat(resolution.getComment()).isEqualTo("现场已清理完毕，可以办结");
        assertThat(record.ofProcessInstance(pi.getId())).filteredOn(d -> HANDLE.equals(d.getTaskKey())
                && d.getType() == CaseDecision.Type.DECISION).singleElement()
                .satisfies(d -> assertThat(d.getActorUser()).isEqualTo("s01-off"));
        List<CaseRecordView.Opinion> opinions = by("s01-off", u -> view.opinions(u, pi.getId()));
        assertThat(opinions).extracting(CaseRecordView.Opinion::type)
                .containsExactly("COMMENT", "DELEGATE", "RESOLVE", "COMMENT");
        assertThat(opinions).filteredOn(o -> o.type().equals("RESOLVE")).singleElement().satisfies(o -> {
            assertThat(o.typeLabel()).isEqualTo("交还");
            assertThat(o.userName()).isEqualTo("周晓明");
            assertThat(o.stepName()).isEqualTo("联合处置");
        });
        assertThat(auditTypes(pi)).containsSubsequence("DELEGATE", "RESOLVE");
    }

    // ---------------------------------------------------------------- 4. 抄送

    @Test
    void shouldCopyTheCaseToAnotherOrganisationWhoReadsItButCannotActOnIt() {
        ProcessInstance pi = atJointHandling("GA");
        Task handle = task(pi, HANDLE);
        assertThatThrownBy(() -> by("wj-off", u -> view.opinions(u, pi.getId())))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("未参与该案件");

        ApprovalOperations.Done copied = by("s01-off", u -> ops.copy(u, handle.getId(), List.of("wj-off"), null,
                "涉及卫生防疫，请卫健局知悉"));

        assertThat(copied.message()).isEqualTo("已抄送给 1 人");
        CaseRecordView.Copy copy = copyOf("wj-off", pi);
        assertThat(copy.caseNo()).isEqualTo(pi.getBusinessKey());
        assertThat(copy.stepName()).isEqualTo("联合处置");
        assertThat(copy.fromUserId()).isEqualTo("s01-off");
        assertThat(copy.note()).isEqualTo("涉及卫生防疫，请卫健局知悉");
        assertThat(copy.processKey()).isEqualTo(WhistleProcess.KEY);
        assertThat(copy.readAt()).isNull();
        long unread = by("wj-off", u -> view.copies(u)).unread();
        assertThat(unread).isPositive();

        List<CaseRecordView.Opinion> opinions = by("wj-off", u -> view.opinions(u, pi.getId()));
        assertThat(opinions).extracting(CaseRecordView.Opinion::type).containsExactly("COMMENT", "COPY");
        assertThat(opinions.get(1).userId()).isEqualTo("s01-off");
        assertThat(opinions.get(1).text()).isEqualTo("涉及卫生防疫，请卫健局知悉");

        ApprovalOperations.Done read = by("wj-off", u -> view.read(u, copy.id()));
        assertThat(read.message()).isEqualTo("已阅");
        assertThat(copyOf("wj-off", pi).readAt()).isNotNull();
        assertThat(by("wj-off", u -> view.copies(u)).unread()).isEqualTo(unread - 1);
        assertThatThrownBy(() -> by("s01-ga-head", u -> view.read(u, copy.id())))
                .isInstanceOf(ForbiddenException.class).hasMessage("这不是抄送给您的案件");

        // the copy gives no right on the task
        String id = handle.getId();
        assertThat(by("wj-off", u -> ops.operations(u, id)).operations()).isEmpty();
        List<Runnable> attempts = List.of(
                () -> by("wj-off", u -> ops.returnTargets(u, id)),
                () -> by("wj-off", u -> ops.transfer(u, id, "s01-off", "转给街道")),
                () -> by("wj-off", u -> ops.delegate(u, id, "s01-off", "委派")),
                () -> by("wj-off", u -> signatures.addSign(u, id, List.of("s01-off"), "PARALLEL", "加签")),
                () -> by("wj-off", u -> ops.copy(u, id, List.of("ga-off"), null, "转抄")),
                () -> by("wj-off", u -> ops.urge(u, id, "快办")));
        for (Runnable attempt : attempts) {
            assertThatThrownBy(attempt::run).isInstanceOf(ForbiddenException.class);
        }
        assertThatThrownBy(() -> Officials.complete(engine, "wj-off", handle, Map.of(Vars.HANDLING_NOTE, "已处置")))
                .isInstanceOf(AuthorizationException.class);

        assertThat(openKeys(pi)).containsExactly(HANDLE);
        assertThat(task(pi, HANDLE).getAssignee()).isNull();
        CaseDecision copyEntry = entries(pi, CaseDecision.Type.COPY).get(0);
        assertThat(copyEntry.getActorUser()).isEqualTo("s01-off");
        assertThat(copyEntry.getActorGroup()).isEqualTo("street-office-S01");
        assertThat(copyEntry.getDecisionLabel()).isEqualTo("抄送 1 人");
        assertThat(copyEntry.getDetails()).contains("\"userIds\":[\"wj-off\"]");
        CaseDecision readEntry = entries(pi, CaseDecision.Type.READ).get(0);
        assertThat(readEntry.getActorUser()).isEqualTo("wj-off");
        assertThat(readEntry.getDecisionLabel()).isEqualTo("已阅");
        assertThat(readEntry.getTaskKey()).isEqualTo(HANDLE);
        List<CaseRecordView.Opinion> afterReading = by("wj-off", u -> view.opinions(u, pi.getId()));
        assertThat(afterReading).extracting(CaseRecordView.Opinion::type).containsExactly("COMMENT", "COPY", "READ");
        assertThat(auditTypes(pi)).containsSubsequence("COPY", "READ");
    }

    // ---------------------------------------------------------------- 5. 加签 and 减签

    @Test
    void shouldHoldTheJointHandlingUntilTheAddedApproversSignAndLetAnUnsignedOneBeRemoved() {
        ProcessInstance pi = atJointHandling("GA");
        String wu = colleague(PostRole.STREET_OFFICE, "S01", "吴", "建国");
        String zheng = colleague(PostRole.STREET_OFFICE, "S01", "郑", "丽");
        Task handle = task(pi, HANDLE);

        ApprovalOperations.Done added = by("s01-off", u -> signatures.addSign(u, handle.getId(), List.of(wu, zheng),
                "PARALLEL", "请两位同事共同把关处置方案"));

        assertThat(added.message()).isEqualTo("并行加签：吴建国、郑丽");
        ApprovalOperations.Operations operations = by("s01-off", u -> ops.operations(u, handle.getId()));
        assertThat(operations.operations()).contains(ApprovalOperation.REMOVE_SIGN);
        assertThat(operations.signers()).extracting(Signatures.Signer::userId, Signatures.Signer::position,
                Signatures.Signer::signed).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(wu, "PARALLEL", false),
                        org.assertj.core.groups.Tuple.tuple(zheng, "PARALLEL", false));
        String wuTask = operations.signers().get(0).taskId();
        String zhengTask = operations.signers().get(1).taskId();
        Task wuSign = taskService.createTaskQuery().taskId(wuTask).singleResult();
        assertThat(wuSign.getAssignee()).isEqualTo(wu);
        assertThat(wuSign.getParentTaskId()).isEqualTo(handle.getId());
        assertThat(wuSign.getDueDate()).isEqualTo(handle.getDueDate()).isAfter(ClockUtil.getCurrentTime());
        assertThat(by(wu, u -> ops.operations(u, wuTask)).operations()).contains(ApprovalOperation.SIGN)
                .doesNotContain(ApprovalOperation.RETURN, ApprovalOperation.TRANSFER, ApprovalOperation.DELEGATE,
                        ApprovalOperation.ADD_SIGN, ApprovalOperation.RESOLVE, ApprovalOperation.URGE);

        assertThatThrownBy(() -> complete("s01-off", handle, Map.of(Vars.HANDLING_NOTE, "联合清理完毕")))
                .satisfies(e -> assertThat(root(e)).isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("尚有加签人未签署意见").hasMessageContaining("吴建国")
                        .hasMessageContaining("郑丽"));
        assertThat(openKeys(pi)).containsExactly(HANDLE);

        ApprovalOperations.Done signed = by(wu, u -> signatures.sign(u, wuTask, "同意该处置方案", true));
        assertThat(signed.taskId()).isEqualTo(handle.getId());
        assertThat(taskService.createTaskQuery().taskId(wuTask).count()).isZero();

        assertThatThrownBy(() -> complete("s01-off", handle, Map.of(Vars.HANDLING_NOTE, "联合清理完毕")))
                .satisfies(e -> assertThat(root(e)).isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("郑丽").hasMessageNotContaining("吴建国"));
        // one who has signed cannot be removed
        assertThatThrownBy(() -> by("s01-off", u -> signatures.removeSign(u, handle.getId(), wu, "不需要了")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("尚未签署意见的加签人");

        ApprovalOperations.Done removed = by("s01-off", u -> signatures.removeSign(u, handle.getId(), zheng,
                "郑丽外出，不再加签"));
        assertThat(removed.message()).isEqualTo("已减去加签人 郑丽");
        assertThat(taskService.createTaskQuery().taskId(zhengTask).count()).isZero();
        assertThat(by("s01-off", u -> ops.operations(u, handle.getId())).signers())
                .extracting(Signatures.Signer::userId, Signatures.Signer::signed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(wu, true));

        complete("s01-off", handle, Map.of(Vars.HANDLING_NOTE, "联合清理完毕"));
        assertThat(openKeys(pi)).containsExactly(CONFIRM);

        CaseDecision addSign = entries(pi, CaseDecision.Type.ADD_SIGN).get(0);
        assertThat(addSign.getActorUser()).isEqualTo("s01-off");
        assertThat(addSign.getActorGroup()).isEqualTo("street-office-S01");
        assertThat(addSign.getDecision()).isEqualTo("PARALLEL");
        assertThat(addSign.getDecisionLabel()).isEqualTo("并行加签：吴建国、郑丽");
        assertThat(addSign.getComment()).isEqualTo("请两位同事共同把关处置方案");
        CaseDecision sign = entries(pi, CaseDecision.Type.SIGN).get(0);
        assertThat(sign.getActorUser()).isEqualTo(wu);
        assertThat(sign.getActorGroup()).isEqualTo("street-office-S01");
        assertThat(sign.getDecision()).isEqualTo("AGREE");
        assertThat(sign.getComment()).isEqualTo("同意该处置方案");
        assertThat(sign.getTaskKey()).isEqualTo(HANDLE);
        CaseDecision removal = entries(pi, CaseDecision.Type.REMOVE_SIGN).get(0);
        assertThat(removal.getActorUser()).isEqualTo("s01-off");
        assertThat(removal.getDecision()).isEqualTo(zheng);
        assertThat(removal.getComment()).isEqualTo("郑丽外出，不再加签");
        List<CaseRecordView.Opinion> opinions = by("s01-off", u -> view.opinions(u, pi.getId()));
        assertThat(opinions).extracting(CaseRecordView.Opinion::type)
                .containsExactly("COMMENT", "ADD_SIGN", "APPROVE", "REMOVE_SIGN", "COMMENT");
        assertThat(opinions.get(2).userName()).isEqualTo("吴建国");
        assertThat(opinions.get(2).text()).isEqualTo("同意该处置方案");
        assertThat(auditTypes(pi)).containsSubsequence("ADD_SIGN", "SIGN", "REMOVE_SIGN");
    }

    /* An added approver copies from the sign task: the copy is of the step the sign task belongs to. */
    @Test
    void shouldLetAnAddedApproverCopyTheCaseFromTheSignTask() {
        ProcessInstance pi = atJointHandling("GA");
        String wang = colleague(PostRole.STREET_OFFICE, "S01", "王", "海");
        Task handle = task(pi, HANDLE);
        by("s01-off", u -> signatures.addSign(u, handle.getId(), List.of(wang), "BEFORE", "请先提出意见"));
        String signTask = by("s01-off", u -> ops.operations(u, handle.getId())).signers().get(0).taskId();
        assertThat(by(wang, u -> ops.operations(u, signTask)).operations())
                .containsExactly(ApprovalOperation.SIGN, ApprovalOperation.COPY);

        ApprovalOperations.Done copied = by(wang, u -> ops.copy(u, signTask, List.of("wj-off"), null, "请卫健局知悉"));

        assertThat(copied.message()).isEqualTo("已抄送给 1 人");
        CaseDecision copy = entries(pi, CaseDecision.Type.COPY).get(0);
        assertThat(copy.getActorUser()).isEqualTo(wang);
        assertThat(copy.getTaskKey()).isEqualTo(HANDLE);
        assertThat(copyOf("wj-off", pi).caseNo()).isEqualTo(pi.getBusinessKey());
    }

    // ---------------------------------------------------------------- helpers

    private ProcessInstance blow(String depts) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.ORG_CODE, "S01");
        vars.put(Vars.SUMMARY, "道路积水，多部门协同处置");
        vars.put(Vars.LOCATION, "和平路 12 号");
        vars.put(Vars.URGENCY, "URGENT");
        vars.put(Vars.DEPT_CODES, depts);
        return as("s01-off", () -> runtimeService.startProcessInstanceByKey(WhistleProcess.KEY, vars));
    }

    private ProcessInstance atJointHandling(String dept) {
        ProcessInstance pi = blow(dept);
        complete("s01-" + dept.toLowerCase() + "-head", reportTask(pi, dept), Map.of(Vars.REPORT_NOTE, "已到场"));
        assertThat(pi).isWaitingAt(HANDLE);
        return pi;
    }

    private Task reportTask(ProcessInstance pi, String deptCode) {
        List<Task> tasks = open(pi, REPORT).stream()
                .filter(t -> deptCode.equals(taskService.getVariable(t.getId(), Vars.DEPT_CODE))).toList();
        assertThat(tasks).as("report task of %s", deptCode).hasSize(1);
        return tasks.get(0);
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
    }

    private String historicTask(ProcessInstance pi, String key, String assignee) {
        return historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(key).taskAssignee(assignee).finished().singleResult().getId();
    }

    private WhistleCase caseOf(ProcessInstance pi) {
        return cases.findByCaseNo(pi.getBusinessKey()).orElseThrow();
    }

    private CaseRecordView.Copy copyOf(String userId, ProcessInstance pi) {
        return by(userId, u -> view.copies(u)).items().stream()
                .filter(c -> c.processInstanceId().equals(pi.getId())).reduce((a, b) -> {
                    throw new AssertionError("more than one copy of " + pi.getBusinessKey());
                }).orElseThrow();
    }

    private List<String> auditTypes(ProcessInstance pi) {
        return jdbc.queryForList("select event_type from audit_record where process_instance_id = ? order by seq",
                String.class, pi.getId());
    }

    private static void advanceClock(long minutes) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + minutes * 60_000L));
    }

    private static Throwable root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
