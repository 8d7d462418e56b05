package cn.streetgov.delegation.process;

import static cn.streetgov.delegation.process.PowerDelegationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.common.InvalidInputException;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.delegation.domain.DelegationPair;
import cn.streetgov.delegation.domain.CaseStatus;
import cn.streetgov.delegation.domain.DelegatedPower;
import cn.streetgov.delegation.domain.DelegationCase;
import cn.streetgov.delegation.domain.DelegationCases;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.delegation.domain.PowerCatalog;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import cn.streetgov.test.ProcessTestSupport;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of {@code power-delegation}: where the case went and what it wrote. */
class PowerDelegationProcessTest extends ProcessTestSupport {

    private static final long DAY = 24 * 60;

    @Autowired
    DelegationCases cases;
    @Autowired
    OrgDirectory orgs;
    @Autowired
    PowerCatalog catalog;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DecisionRecord record;

    @BeforeEach
    void clearCatalog() {
        DelegationTestData.clearCatalog(jdbc);
    }

    // ---------------------------------------------------------------- published

    @Test
    void shouldPublishAcceptedPowersAfterAllApprovals() {
        ProcessInstance instance = start("cgzf-off", proposal("CGZF", List.of("CGZF-XK-001", "CGZF-CF-001"),
                List.of("S01", "S03")));
        assertThat(instance).isStarted().hasBusinessKey(caseNo(instance));
        assertThat(caseNo(instance)).matches("FQ-\\d{4}-\\d{4}");
        assertThat(instance).isWaitingAt(REVIEW_CAPACITY, REVIEW_LEGALITY);
        assertThat(variable(instance, Vars.LEGAL_REVIEW_REQUIRED)).isEqualTo(true);
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(REVIEW_CAPACITY).count()).isEqualTo(2);
        Task s01 = capacityTask(instance, "S01");
        assertThat(s01.getDueDate()).isNotNull();
        assertThat(taskService.getIdentityLinksForTask(s01.getId()))
                .anyMatch(link -> "street-office-S01".equals(link.getGroupId()));

        complete("s01-off", s01, Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        complete("s03-off", capacityTask(instance, "S03"), Map.of(Vars.CAPACITY_DECISION, "ACCEPT_WITH_CONDITIONS",
                Vars.CAPACITY_COMMENT, "需区城管局派员带教三个月"));
        complete("legal", task(instance, REVIEW_LEGALITY), Map.of(Vars.LEGAL_DECISION, "LAWFUL"));
        assertThat(instance).hasPassed(EVALUATE_CAPACITY).isWaitingAt(CONFIRM_STAFFING);
        assertThat((String) variable(instance, Vars.CASE_SUMMARY)).contains("附条件承接", "需区城管局派员带教三个月",
                // who decided, by name (family name first), never by user id
                "评估承接能力 东华街道 " + orgs.personName("s01-off") + "：同意承接",
                "合法性审查 司法局（合法性审查） " + orgs.personName("legal") + "：合法",
                "；承接意见：附条件承接");

        complete("bianban", task(instance, CONFIRM_STAFFING), Map.of(Vars.STAFFING_DECISION, "APPROVE"));
        complete("govt", task(instance, DECIDE_DELEGATION), Map.of(Vars.FINAL_DECISION, "APPROVE"));

        assertThat(instance).hasPassed(PUBLISH_CATALOG).isWaitingAt(REVIEW_PERIOD_ELAPSED);
        assertThat(variable(instance, Vars.OUTCOME)).isEqualTo("PUBLISHED");
        DelegationCase c = caseOf(instance);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.PUBLISHED);
        assertThat(catalog.publishedBy(c.getId())).extracting(p -> p.getOrgCode() + "/" + p.getItemCode())
                .containsExactly("S01/CGZF-CF-001", "S01/CGZF-XK-001", "S03/CGZF-CF-001", "S03/CGZF-XK-001");
        assertThat(catalog.inForce("S03", CaseClock.today())).extracting(DelegatedPower::getItemCode)
                .contains("CGZF-XK-001", "CGZF-CF-001");
        List<CaseDecision> decisions = cases.decisions(c.getId());
        assertThat(decisions).extracting(d -> d.getTaskKey() + ":" + d.getActorGroup() + ":" + d.getActorUser() + ":"
                + d.getDecision() + ":" + d.getDecisionLabel())
                .containsExactly(REVIEW_CAPACITY + ":street-office-S01:s01-off:ACCEPT:同意承接",
                        REVIEW_CAPACITY + ":street-office-S03:s03-off:ACCEPT_WITH_CONDITIONS:附条件承接",
                        REVIEW_LEGALITY + ":legal-review:legal:LAWFUL:合法",
                        CONFIRM_STAFFING + ":bianban:bianban:APPROVE:同意",
                        DECIDE_DELEGATION + ":district-government:govt:APPROVE:批准并公布");
        assertThat(decisions).allSatisfy(d -> {
            assertThat(d.getDecidedAt()).isNotNull();
            assertThat(d.getCaseNo()).isEqualTo(c.getCaseNo());
            assertThat(d.getProcessKey()).isEqualTo(KEY);
            assertThat(d.getProcessInstanceId()).isEqualTo(instance.getId());
            assertThat(d.getType()).isEqualTo(CaseDecision.Type.DECISION);
        });
        assertThat(decisions).extracting(CaseDecision::getStepName)
                .containsExactly("评估承接能力", "评估承接能力", "合法性审查", "确认编随事转", "区政府常务会议审定");
        // the street each review was for is the server's context of the record
        assertThat(decisions.get(0).getDetails()).isEqualTo("{\"orgCode\":\"S01\"}");
        assertThat(decisions.get(1).getDetails()).isEqualTo("{\"orgCode\":\"S03\"}");
        assertThat(decisions.get(1).getComment()).isEqualTo("需区城管局派员带教三个月");
        assertThat(decisions.get(3).getDetails()).isEqualTo("{\"staffingTransfer\":1}");
    }

    @Test
    void shouldPublishOnlyForTargetsThatAccepted() {
        ProcessInstance instance = start("cgzf-off", proposal("CGZF", List.of("CGZF-XK-001"), List.of("S01", "S02")));
        assertThat(instance).isWaitingAt(REVIEW_CAPACITY).hasPassed(GATEWAY_LEGAL_REVIEW_NEEDED);
        assertThat(instance).hasNotPassed(REVIEW_LEGALITY);
        complete("s01-off", capacityTask(instance, "S01"), Map.of(Vars.CAPACITY_DECISION, "REJECT",
                Vars.CAPACITY_COMMENT, "执法力量不足"));
        complete("s02-off", capacityTask(instance, "S02"), Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        approveStaffingAndGovernment(instance);

        assertThat(instance).isWaitingAt(REVIEW_PERIOD_ELAPSED);
        assertThat(catalog.publishedBy(caseOf(instance).getId())).extracting(DelegatedPower::getOrgCode)
                .containsExactly("S02");
        assertThat(cases.pairs(caseOf(instance).getId())).extracting(DelegationPair::getCapacityDecision)
                .containsExactly("REJECT", "ACCEPT");
    }

    // ---------------------------------------------------------------- rejected

    @Test
    void shouldRejectWhenEveryTargetRejects() {
        ProcessInstance instance = start("cgzf-off", proposal("CGZF", List.of("CGZF-XK-001"), List.of("S01", "T01")));
        complete("s01-off", capacityTask(instance, "S01"), Map.of(Vars.CAPACITY_DECISION, "REJECT",
                Vars.CAPACITY_COMMENT, "无场地"));
        complete("t01-off", capacityTask(instance, "T01"), Map.of(Vars.CAPACITY_DECISION, "REJECT",
                Vars.CAPACITY_COMMENT, "无人员"));
        assertThat(instance).hasPassed(EVALUATE_CAPACITY, REJECT_CASE).isEnded().hasPassed(END_REJECTED);
        assertRejected(instance);
        assertThat(catalog.publishedBy(caseOf(instance).getId())).isEmpty();
    }

    @Test
    void shouldRejectWhenLegalReviewFindsItUnlawful() {
        ProcessInstance instance = start("cgzf-off", proposal("CGZF", List.of("CGZF-CF-001"), List.of("S02")));
        complete("legal", task(instance, REVIEW_LEGALITY), Map.of(Vars.LEGAL_DECISION, "UNLAWFUL",
                Vars.LEGAL_COMMENT, "上位法未授权委托实施"));
        assertThat(instance).hasPassed(END_UNLAWFUL, BOUNDARY_UNLAWFUL, REJECT_CASE).isEnded();
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertRejected(instance);
        assertThat(cases.decisions(caseOf(instance).getId())).extracting(CaseDecision::getComment)
                .containsExactly("上位法未授权委托实施");
    }

    @Test
    void shouldRejectWhenTheGovernmentRejects() {
        ProcessInstance instance = start("cgzf-off", proposal("CGZF", List.of("CGZF-XK-001"), List.of("S02")));
        complete("s02-off", capacityTask(instance, "S02"), Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        complete("bianban", task(instance, CONFIRM_STAFFING), Map.of(Vars.STAFFING_DECISION, "APPROVE"));
        complete("govt", task(instance, DECIDE_DELEGATION), Map.of(Vars.FINAL_DECISION, "REJECT",
                Vars.FINAL_COMMENT, "暂缓下放，待全区统一部署"));
        assertThat(instance).hasPassed(REJECT_CASE, END_REJECTED).hasNotPassed(PUBLISH_CATALOG).isEnded();
        assertRejected(instance);
        assertThat(catalog.publishedBy(caseOf(instance).getId())).isEmpty();
    }

    @Test
    void shouldRecordIneligiblePairsAndReviewOnlyEligibleTargets() {
        // ecology power: not for the central street S01, fine for the town T01; a penalty needs legal review
        ProcessInstance instance = start("cgzf-off", proposal("CGZF", List.of("CGZF-CF-002"), List.of("S01", "T01")));
        DelegationCase c = caseOf(instance);
        assertThat(cases.pairs(c.getId())).extracting(p -> p.getOrgCode() + ":" + p.isEligible())
                .containsExactly("S01:false", "T01:true");
        assertThat(cases.pairs(c.getId()).get(0).getEligibilityReason()).contains("不下放至中心城区街道");
        assertThat(capacityTask(instance, "T01")).isNotNull();
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(REVIEW_CAPACITY).count()).isEqualTo(1);
        assertThat((String) variable(instance, Vars.CASE_SUMMARY)).contains("✗ 东华街道 × CGZF-CF-002");
        assertThat(instance).isWaitingAt(REVIEW_CAPACITY, REVIEW_LEGALITY);
    }

    @Test
    void shouldRejectWhenNoPairIsEligible() {
        ProcessInstance instance = start("cgzf-off", proposal("CGZF", List.of("CGZF-CF-002"), List.of("S01", "S02")));
        assertThat(instance).hasPassed(GATEWAY_ANY_ELIGIBLE, REJECT_CASE).hasNotPassed(REVIEWS).isEnded();
        assertRejected(instance);
        assertThat(cases.pairs(caseOf(instance).getId())).noneMatch(DelegationPair::isEligible);
    }

    // ---------------------------------------------------------------- revision and withdrawal

    @Test
    void shouldEndWithdrawnWhenTheDepartmentWithdrawsAfterRevise() {
        ProcessInstance instance = start("cgzf-off", proposal("CGZF", List.of("CGZF-CF-001"), List.of("S02")));
        complete("legal", task(instance, REVIEW_LEGALITY), Map.of(Vars.LEGAL_DECISION, "REVISE",
                Vars.LEGAL_COMMENT, "法律依据引用条款有误"));
        assertThat(instance).isWaitingAt(REVISE_PROPOSAL, REVIEW_CAPACITY);
        assertThat(caseOf(instance).getStatus()).isEqualTo(CaseStatus.REVISING);
        complete("cgzf-off", task(instance, REVISE_PROPOSAL), Map.of(Vars.REVISION_DECISION, "WITHDRAW",
                Vars.REVISION_COMMENT, "另行研究"));
        assertThat(instance).hasPassed(END_WITHDRAWN_IN_REVIEW, BOUNDARY_WITHDRAWN, WITHDRAW_CASE, END_WITHDRAWN)
                .isEnded();
        assertThat(historicVariable(instance, Vars.OUTCOME)).isEqualTo("WITHDRAWN");
        assertThat(caseOf(instance).getStatus()).isEqualTo(CaseStatus.WITHDRAWN);
    }

    @Test
    void shouldReviewAgainAfterTheDepartmentRevises() {
        ProcessInstance instance = start("cgzf-off", proposal("CGZF", List.of("CGZF-CF-001"), List.of("S02")));
        complete("s02-off", capacityTask(instance, "S02"), Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        complete("legal", task(instance, REVIEW_LEGALITY), Map.of(Vars.LEGAL_DECISION, "REVISE",
                Vars.LEGAL_COMMENT, "请补充上位法依据"));
        Map<String, Object> revision = new HashMap<>();
        revision.put(Vars.REVISION_DECISION, "RESUBMIT");
        revision.put(Vars.LEGAL_BASIS, "《城市道路管理条例》第四十二条；《行政处罚法》第二十四条");
        revision.put(Vars.REASON, "街道巡查发现占道问题最及时");
        revision.put(Vars.STAFFING_TRANSFER, 2);
        revision.put(Vars.EFFECTIVE_DATE, today().toString());
        complete("cgzf-off", task(instance, REVISE_PROPOSAL), revision);
        assertThat(instance).isWaitingAt(REVIEW_LEGALITY);
        assertThat(caseOf(instance).getStatus()).isEqualTo(CaseStatus.IN_REVIEW);
        assertThat(caseOf(instance).getLegalBasis()).contains("《行政处罚法》第二十四条");
        complete("legal", task(instance, REVIEW_LEGALITY), Map.of(Vars.LEGAL_DECISION, "LAWFUL"));
        assertThat(instance).isWaitingAt(CONFIRM_STAFFING);
        assertThat(cases.decisions(caseOf(instance).getId())).extracting(CaseDecision::getDecision)
                .containsExactly("ACCEPT", "REVISE", "RESUBMIT", "LAWFUL");
    }

    @Test
    void shouldReturnToTheDepartmentWhenBianbanReturns() {
        ProcessInstance instance = start("cgzf-off", proposal("CGZF", List.of("CGZF-XK-001"), List.of("S02")));
        complete("s02-off", capacityTask(instance, "S02"), Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        complete("bianban", task(instance, CONFIRM_STAFFING), Map.of(Vars.STAFFING_DECISION, "RETURN",
                Vars.STAFFING_COMMENT, "编制数与工作量不符"));
        assertThat(instance).isWaitingAt(REVISE_STAFFING);
        Map<String, Object> revision = new HashMap<>();
        revision.put(Vars.REVISION_DECISION, "RESUBMIT");
        revision.put(Vars.LEGAL_BASIS, "《城市道路管理条例》第三十一条");
        revision.put(Vars.REASON, "方便群众就近办理");
        revision.put(Vars.STAFFING_TRANSFER, 3);
        revision.put(Vars.EFFECTIVE_DATE, today().toString());
        complete("cgzf-off", task(instance, REVISE_STAFFING), revision);
        assertThat(instance).isWaitingAt(CONFIRM_STAFFING);
        assertThat(caseOf(instance).getStaffingTransfer()).isEqualTo(3);
        complete("bianban", task(instance, CONFIRM_STAFFING), Map.of(Vars.STAFFING_DECISION, "APPROVE"));
        assertThat(instance).isWaitingAt(DECIDE_DELEGATION);
    }

    @Test
    void shouldEndWithdrawnWhenTheDepartmentWithdrawsAtStaffing() {
        ProcessInstance instance = start("cgzf-off", proposal("CGZF", List.of("CGZF-XK-001"), List.of("S02")));
        complete("s02-off", capacityTask(instance, "S02"), Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        complete("bianban", task(instance, CONFIRM_STAFFING), Map.of(Vars.STAFFING_DECISION, "RETURN",
                Vars.STAFFING_COMMENT, "编制无法划转"));
        complete("cgzf-off", task(instance, REVISE_STAFFING), Map.of(Vars.REVISION_DECISION, "WITHDRAW"));
        assertThat(instance).hasPassed(WITHDRAW_CASE, END_WITHDRAWN).isEnded();
        assertThat(caseOf(instance).getStatus()).isEqualTo(CaseStatus.WITHDRAWN);
    }

    // ---------------------------------------------------------------- timers

    @Test
    void shouldRemindTheStreetBeforeTheCapacityReviewIsDue() {
        ProcessInstance instance = start("cgzf-off", proposal("CGZF", List.of("CGZF-XK-001"), List.of("S02")));
        Task review = capacityTask(instance, "S02");
        assertThat(review.getDueDate()).isAfter(java.sql.Timestamp.valueOf(CaseClock.now().plusDays(9)));
        advanceClockAndRunDueJobs(instance, 7 * DAY);
        assertThat(cases.notifications(caseOf(instance).getId())).filteredOn(n -> n.getKind() == NoticeKind.REMINDER)
                .isEmpty();
        advanceClockAndRunDueJobs(instance, DAY + 1);
        assertThat(instance).hasPassed(CAPACITY_REMINDER, REMIND_CAPACITY_REVIEW).isWaitingAt(REVIEW_CAPACITY);
        assertThat(cases.notifications(caseOf(instance).getId())).filteredOn(n -> n.getKind() == NoticeKind.REMINDER)
                .singleElement()
                .satisfies(n -> assertThat(n.getRecipientGroup()).isEqualTo("street-office-S02"));
        complete("s02-off", capacityTask(instance, "S02"), Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        assertThat(instance).isWaitingAt(CONFIRM_STAFFING);
    }

    @Test
    void shouldAskReceivingStreetsToReportAfterTheReviewPeriod() {
        ProcessInstance instance = start("cgzf-off", proposal("CGZF", List.of("CGZF-XK-001"), List.of("S01", "T01")));
        complete("s01-off", capacityTask(instance, "S01"), Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        complete("t01-off", capacityTask(instance, "T01"), Map.of(Vars.CAPACITY_DECISION, "REJECT",
                Vars.CAPACITY_COMMENT, "镇区道路少"));
        approveStaffingAndGovernment(instance);
        assertThat(instance).isWaitingAt(REVIEW_PERIOD_ELAPSED);
        advanceClockAndRunDueJobs(instance, 150 * DAY);
        assertThat(instance).isWaitingAt(REVIEW_PERIOD_ELAPSED);
        advanceClockAndRunDueJobs(instance, 40 * DAY);
        assertThat(instance).isWaitingAt(REPORT_OPERATION);
        Task report = task(instance, REPORT_OPERATION);
        assertThat(taskService.getIdentityLinksForTask(report.getId()))
                .anyMatch(link -> "street-office-S01".equals(link.getGroupId()));
        complete("s01-off", report, Map.of(Vars.REPORT_ASSESSMENT, "WORKING",
                Vars.REPORT_NOTE, "半年办件 126 件，群众满意"));
        assertThat(instance).hasPassed(END_PUBLISHED).isEnded();
        assertThat(cases.decisions(caseOf(instance).getId())).last()
                .satisfies(d -> assertThat(d.getTaskKey() + ":" + d.getDetails() + ":" + d.getActorGroup() + ":"
                        + d.getDecisionLabel() + ":" + d.getComment())
                        .isEqualTo(REPORT_OPERATION + ":{\"orgCode\":\"S01\"}:street-office-S01:运行良好:半年办件 126 件，群众满意"));
    }

    // ---------------------------------------------------------------- the case text of the forms

    @Test
    void shouldRenderTheCaseTextOncePerStartAndOncePerCompletion() {
        ProcessInstance published = start("cgzf-off", proposal("CGZF", List.of("CGZF-XK-001"), List.of("S02")));
        assertThat(summaryWrites(published)).as("start").isEqualTo(1);
        complete("s02-off", capacityTask(published, "S02"), Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        assertThat(summaryWrites(published)).as("capacity review").isEqualTo(2);
        complete("bianban", task(published, CONFIRM_STAFFING), Map.of(Vars.STAFFING_DECISION, "APPROVE"));
        assertThat(summaryWrites(published)).as("staffing").isEqualTo(3);
        complete("govt", task(published, DECIDE_DELEGATION), Map.of(Vars.FINAL_DECISION, "APPROVE"));
        assertThat(published).hasPassed(PUBLISH_CATALOG);
        assertThat(summaryWrites(published)).as("approval and publication").isEqualTo(4);

        ProcessInstance rejected = start("cgzf-off", proposal("CGZF", List.of("CGZF-QT-001"), List.of("S02")));
        complete("s02-off", capacityTask(rejected, "S02"), Map.of(Vars.CAPACITY_DECISION, "REJECT",
                Vars.CAPACITY_COMMENT, "无执法人员"));
        assertThat(rejected).hasPassed(REJECT_CASE).isEnded();
        assertThat(summaryWrites(rejected)).as("start, then the last review closing the case").isEqualTo(2);
        assertThat((String) historicVariable(rejected, Vars.CASE_SUMMARY)).contains("无执法人员");
    }

    // ---------------------------------------------------------------- refused input

    @Test
    void shouldRefuseInvalidStartsAndLeaveNothingBehind() {
        long casesBefore = jdbc.queryForObject("select count(*) from dlg_case", Long.class);
        long instancesBefore = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count();

        assertRefused(() -> start("cgzf-off", proposal("CGZF", List.of("CGZF-XX-999"), List.of("S01"))),
                "未知的权责事项: CGZF-XX-999");
        assertRefused(() -> start("cgzf-off", proposal("CGZF", List.of("GA-CF-001"), List.of("S01"))),
                "属于其他部门");
        assertRefused(() -> start("cgzf-off", proposal("CGZF", List.of("CGZF-XK-001"), List.of())),
                "请至少选择一个承接的街道/镇");
        Map<String, Object> past = proposal("CGZF", List.of("CGZF-XK-001"), List.of("S01"));
        past.put(Vars.EFFECTIVE_DATE, today().minusDays(1).toString());
        assertRefused(() -> start("cgzf-off", past), "早于今天");
        assertRefused(() -> start("ga-off", proposal("CGZF", List.of("CGZF-XK-001"), List.of("S01"))),
                "只能以本部门的名义");
        Map<String, Object> badMethod = proposal("CGZF", List.of("CGZF-XK-001"), List.of("X99"));
        badMethod.put(Vars.DELEGATION_METHOD, "SELL");
        assertRefused(() -> start("cgzf-off", badMethod), "未知或已停用的街道/镇: X99");

        assertThat(jdbc.queryForObject("select count(*) from dlg_case", Long.class)).isEqualTo(casesBefore);
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count())
                .isEqualTo(instancesBefore);
    }

    @Test
    void shouldAcceptListsAsJsonOrCommaSeparatedText() {
        Map<String, Object> vars = proposal("CGZF", List.of(), List.of());
        vars.put(Vars.POWER_ITEM_CODES, org.camunda.spin.Spin.JSON("[\"CGZF-XK-001\"]"));
        vars.put(Vars.TARGET_ORG_CODES, "S02, T01");
        ProcessInstance instance = start("cgzf-off", vars);
        assertThat(caseOf(instance).getTargetOrgCodes()).containsExactly("S02", "T01");
        assertThat(caseOf(instance).getItemCodes()).containsExactly("CGZF-XK-001");
    }

    @Test
    void shouldKeepTheTaskOpenWhenARejectionHasNoReason() {
        ProcessInstance instance = start("cgzf-off", proposal("CGZF", List.of("CGZF-XK-001"), List.of("S02")));
        Task review = capacityTask(instance, "S02");
        assertRefused(() -> complete("s02-off", review, Map.of(Vars.CAPACITY_DECISION, "REJECT")),
                "请填写承接条件或不同意的理由");
        assertThat(instance).isWaitingAt(REVIEW_CAPACITY);
        assertThat(cases.decisions(caseOf(instance).getId())).isEmpty();
        assertThat(record.ofCase(caseNo(instance))).isEmpty();
        assertThat(cases.pairs(caseOf(instance).getId())).extracting(DelegationPair::getCapacityDecision)
                .containsOnlyNulls();
    }

    @Test
    void shouldRefuseAValueTheTaskDoesNotOfferWithTheDeclaredChoices() {
        ProcessInstance instance = start("cgzf-off", proposal("CGZF", List.of("CGZF-XK-001"), List.of("S02")));
        Task review = capacityTask(instance, "S02");
        assertRefused(() -> complete("s02-off", review, Map.of(Vars.CAPACITY_DECISION, "MAYBE",
                Vars.CAPACITY_COMMENT, "再看看")), "请选择承接意见（同意承接 / 附条件承接 / 不同意承接）");
        assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
        assertThat(record.ofCase(caseNo(instance))).isEmpty();
        assertThat(cases.pairs(caseOf(instance).getId())).extracting(DelegationPair::getCapacityDecision)
                .containsOnlyNulls();
    }

    @Test
    void shouldRefuseTheGovernmentsRejectionWithoutReasonAndKeepTheEarlierRecord() {
        ProcessInstance instance = start("cgzf-off", proposal("CGZF", List.of("CGZF-XK-001"), List.of("S02")));
        complete("s02-off", capacityTask(instance, "S02"), Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        complete("bianban", task(instance, CONFIRM_STAFFING), Map.of(Vars.STAFFING_DECISION, "APPROVE"));
        assertRefused(() -> complete("govt", task(instance, DECIDE_DELEGATION), Map.of(Vars.FINAL_DECISION, "REJECT")),
                "请填写不予批准的理由");
        assertThat(instance).isWaitingAt(DECIDE_DELEGATION);
        assertThat(record.ofCase(caseNo(instance))).extracting(CaseDecision::getTaskKey)
                .containsExactly(REVIEW_CAPACITY, CONFIRM_STAFFING);
        assertThat(caseOf(instance).getStatus()).isEqualTo(CaseStatus.DECIDING);
    }

    @Test
    void shouldRefuseAResubmissionWithoutLegalBasisAndWriteNothingOfIt() {
        ProcessInstance instance = start("cgzf-off", proposal("CGZF", List.of("CGZF-CF-001"), List.of("S02")));
        complete("legal", task(instance, REVIEW_LEGALITY), Map.of(Vars.LEGAL_DECISION, "REVISE",
                Vars.LEGAL_COMMENT, "请补充上位法依据"));
        Map<String, Object> revision = new HashMap<>();
        revision.put(Vars.REVISION_DECISION, "RESUBMIT");
        revision.put(Vars.LEGAL_BASIS, " ");
        revision.put(Vars.REASON, "街道巡查发现占道问题最及时");
        revision.put(Vars.STAFFING_TRANSFER, 2);
        revision.put(Vars.EFFECTIVE_DATE, today().toString());
        // the kernel has recorded the resubmission when the hook refuses the text: all of it is rolled back
        assertRefused(() -> complete("cgzf-off", task(instance, REVISE_PROPOSAL), revision), "请填写法律依据");
        assertThat(instance).isWaitingAt(REVISE_PROPOSAL);
        assertThat(record.ofCase(caseNo(instance))).extracting(CaseDecision::getDecision).containsExactly("REVISE");
        assertThat(caseOf(instance).getStatus()).isEqualTo(CaseStatus.REVISING);
        assertThat(caseOf(instance).getLegalBasis()).isEqualTo("《城市道路管理条例》");
    }

    // ---------------------------------------------------------------- helpers

    private void approveStaffingAndGovernment(ProcessInstance instance) {
        complete("bianban", task(instance, CONFIRM_STAFFING), Map.of(Vars.STAFFING_DECISION, "APPROVE"));
        complete("govt", task(instance, DECIDE_DELEGATION), Map.of(Vars.FINAL_DECISION, "APPROVE"));
    }

    private void assertRejected(ProcessInstance instance) {
        assertThat(historicVariable(instance, Vars.OUTCOME)).isEqualTo("REJECTED");
        assertThat(caseOf(instance).getStatus()).isEqualTo(CaseStatus.REJECTED);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).satisfies(e -> {
            Throwable cause = e;
            while (cause != null && !(cause instanceof InvalidInputException)) {
                cause = cause.getCause();
            }
            assertThat(cause).as("InvalidInputException in %s", e).isNotNull();
            assertThat(cause.getMessage()).contains(message);
        });
    }

    private ProcessInstance start(String user, Map<String, Object> vars) {
        return as(user, () -> runtimeService.startProcessInstanceByKey(KEY, vars));
    }

    static Map<String, Object> proposal(String dept, List<String> items, List<String> targets) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.DEPT_CODE, dept);
        vars.put(Vars.POWER_ITEM_CODES, String.join(",", items));
        vars.put(Vars.TARGET_ORG_CODES, String.join(",", targets));
        vars.put(Vars.DELEGATION_METHOD, "DEVOLVE");
        vars.put(Vars.LEGAL_BASIS, "《城市道路管理条例》");
        vars.put(Vars.REASON, "直接面向群众，由街道承担更方便有效");
        vars.put(Vars.STAFFING_TRANSFER, 1);
        vars.put(Vars.EFFECTIVE_DATE, today().toString());
        return vars;
    }

    private static LocalDate today() {
        return CaseClock.today();
    }

    private Task capacityTask(ProcessInstance instance, String orgCode) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(REVIEW_CAPACITY)
                .taskCandidateGroup("street-office-" + orgCode).singleResult();
    }

    private DelegationCase caseOf(ProcessInstance instance) {
        return cases.requireByNo(caseNo(instance));
    }

    private String caseNo(ProcessInstance instance) {
        return (String) historicVariable(instance, Vars.CASE_NO);
    }

    /** How often the case text was written (each write is a history detail of the variable). */
    /** How often the case summary was written: its historic variable's revision (0 when written once), no details being kept. */
    private long summaryWrites(ProcessInstance instance) {
        Map<String, Object> row = jdbc.queryForMap("select REV_, STATE_ from ACT_HI_VARINST where PROC_INST_ID_ = ? and NAME_ = ?",
                instance.getId(), Vars.CASE_SUMMARY);
        long revision = ((Number) row.get("REV_")).longValue();
        return revision + 1;
    }

    private Object variable(ProcessInstance instance, String name) {
        return runtimeService.getVariable(instance.getId(), name);
    }

    private Object historicVariable(ProcessInstance instance, String name) {
        var v = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).list();
        return v.isEmpty() ? null : v.get(v.size() - 1).getValue();
    }
}
