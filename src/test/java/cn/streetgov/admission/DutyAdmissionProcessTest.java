package cn.streetgov.admission;

import static cn.streetgov.admission.process.DutyAdmissionProcess.Elements.ADMIT;
import static cn.streetgov.admission.process.DutyAdmissionProcess.Elements.ADMITTED;
import static cn.streetgov.admission.process.DutyAdmissionProcess.Elements.ALREADY_LISTED;
import static cn.streetgov.admission.process.DutyAdmissionProcess.Elements.APPLY_CHECK;
import static cn.streetgov.admission.process.DutyAdmissionProcess.Elements.CHECK_NEGATIVE_LIST;
import static cn.streetgov.admission.process.DutyAdmissionProcess.Elements.DECIDE;
import static cn.streetgov.admission.process.DutyAdmissionProcess.Elements.REFUSE;
import static cn.streetgov.admission.process.DutyAdmissionProcess.Elements.REFUSED;
import static cn.streetgov.admission.process.DutyAdmissionProcess.Elements.REFUSED_BY_RULES;
import static cn.streetgov.admission.process.DutyAdmissionProcess.Elements.STREET_OPINION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.admission.domain.AdmissionStatus;
import cn.streetgov.admission.domain.DutyAdmissionCase;
import cn.streetgov.admission.domain.DutyAdmissionTarget;
import cn.streetgov.admission.domain.DutyAdmissions;
import cn.streetgov.admission.domain.DutyItem;
import cn.streetgov.admission.domain.DutyLists;
import cn.streetgov.admission.domain.DutySource;
import cn.streetgov.admission.domain.TargetStatus;
import cn.streetgov.admission.process.DutyAdmissionProcess;
import cn.streetgov.admission.process.DutyAdmissionProcess.Vars;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.CaseNotification;
import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.Notifications;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.test.ProcessTestSupport;
import cn.streetgov.test.StartVariables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of {@code duty-admission} (事权事务准入), asserting where it went and what it wrote. */
class DutyAdmissionProcessTest extends ProcessTestSupport {

    @Autowired
    DutyAdmissions admissions;
    @Autowired
    DutyLists lists;
    @Autowired
    DecisionRecord record;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldRefuseANegativeListedDutyByTheRulesAndTellTheDepartment() {
        ProcessInstance pi = apply("cgzf-off", "CGZF", "协税护税工作" + unique(), "配合税务部门开展辖区税源排查", "S01,S02");

        assertThat(pi).hasPassed(CHECK_NEGATIVE_LIST, APPLY_CHECK, REFUSED_BY_RULES).isEnded();
        assertThat(historicVariable(pi, Vars.OUTCOME)).isEqualTo(DutyAdmissionProcess.OUTCOME_REFUSED_BY_RULES);
        DutyAdmissionCase c = caseOf(pi);
        assertThat(c.getStatus()).isEqualTo(AdmissionStatus.REFUSED_BY_RULES);
        assertThat(c.getRuleItem()).isEqualTo("TAX_ASSISTANCE");
        assertThat(c.getRuleReason()).contains("协税护税");
        assertThat(admissions.targets(c.getId())).extracting(DutyAdmissionTarget::getStatus)
                .containsOnly(TargetStatus.REFUSED_BY_RULES);
        assertThat(notices(pi, NoticeKind.REJECTED_BY_RULES)).singleElement().satisfies(n -> {
            assertThat(n.getRecipientGroup()).isEqualTo("dept-CGZF");
            assertThat(n.getMessage()).contains("协税护税");
        });
        assertThat(admissions.notAdmitted("S01")).anyMatch(e -> e.admission().getCaseNo().equals(c.getCaseNo()));
    }

    @Test
    void shouldEndWithoutOpinionsWhenEveryStreetAlreadyHasTheDuty() {
        ProcessInstance pi = apply("cgzf-off", "CGZF", "生活垃圾分类的组织实施", "督促居民小区落实垃圾分类", "S01,S02");

        assertThat(pi).hasPassed(CHECK_NEGATIVE_LIST, APPLY_CHECK, ALREADY_LISTED).hasNotPassed(STREET_OPINION).isEnded();
        assertThat(historicVariable(pi, Vars.OUTCOME)).isEqualTo(DutyAdmissionProcess.OUTCOME_ALREADY_LISTED);
        DutyAdmissionCase c = caseOf(pi);
        assertThat(c.getStatus()).isEqualTo(AdmissionStatus.ALREADY_LISTED);
        assertThat(admissions.targets(c.getId())).extracting(DutyAdmissionTarget::getStatus, DutyAdmissionTarget::getDutyCode)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(TargetStatus.ALREADY_LISTED, "CS-04"));
        assertThat(notices(pi, NoticeKind.INFO)).extracting(CaseNotification::getRecipientGroup)
                .containsExactlyInAnyOrder("street-committee-S01", "street-committee-S02");
    }

    @Test
    void shouldAskOnlyTheStreetsThatDoNotHaveTheDutyYet() {
        // S03 hands the base duty over already (CS-04 is on every base list): only a new duty asks all three
        String name = "共享单车停放秩序日常巡查" + unique();
        ProcessInstance pi = apply("cgzf-off", "CGZF", name, "每日巡查共享单车停放点", "S01,S02,S03");
        assertThat(pi).isWaitingAt(STREET_OPINION);
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(STREET_OPINION).count())
                .isEqualTo(3);
    }

    @Test
    void shouldAdmitTheDutyToTheStreetsThatAgreeAsANewListVersion() {
        String name = "共享单车停放秩序日常巡查" + unique();
        int s01Version = lists.current("S01").version().getListVersion();
        ProcessInstance pi = apply("cgzf-off", "CGZF", name, "每日巡查辖区共享单车停放点，发现乱停放通知企业清理", "S01,S02");
        assertThat(pi).isWaitingAt(STREET_OPINION);
        assertThat(pi.getBusinessKey()).matches("ZR-\\d{4}-\\d{4}");
        assertThat(caseOf(pi).getStatus()).isEqualTo(AdmissionStatus.OPINIONS);

        opinion(pi, "S01", "s01-sec", DutyAdmissionProcess.AGREE, null);
        assertThat(pi).isWaitingAt(STREET_OPINION);
        opinion(pi, "S02", "s02-sec", DutyAdmissionProcess.DISAGREE, "辖区无共享单车停放点");
        assertThat(pi).isWaitingAt(DECIDE);
        assertThat(caseOf(pi).getStatus()).isEqualTo(AdmissionStatus.DECISION);

        complete("bianban", task(pi, DECIDE), Map.of(Vars.ADMISSION_DECISION, DutyAdmissions.ADMIT));

        assertThat(pi).hasPassed(STREET_OPINION, DECIDE, ADMIT, ADMITTED).hasNotPassed(REFUSE).isEnded();
        assertThat(historicVariable(pi, Vars.OUTCOME)).isEqualTo(DutyAdmissionProcess.OUTCOME_ADMITTED);
        DutyAdmissionCase c = caseOf(pi);
        assertThat(c.getStatus()).isEqualTo(AdmissionStatus.ADMITTED);
        assertThat(c.getDecidedBy()).isEqualTo("bianban");
        assertThat(admissions.targets(c.getId())).extracting(DutyAdmissionTarget::getOrgCode, DutyAdmissionTarget::getStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("S01", TargetStatus.ADMITTED),
                        org.assertj.core.groups.Tuple.tuple("S02", TargetStatus.NOT_ADMITTED));

        DutyLists.ListView s01 = lists.current("S01");
        assertThat(s01.version().getListVersion()).isEqualTo(s01Version + 1);
        assertThat(s01.version().getCaseNo()).isEqualTo(c.getCaseNo());
        assertThat(s01.items()).filteredOn(i -> i.getName().equals(name)).singleElement().satisfies(i -> {
            assertThat(i.getSource()).isEqualTo(DutySource.ADMITTED);
            assertThat(i.getCode()).isEqualTo(c.getCaseNo());
            assertThat(i.getDeptCode()).isEqualTo("CGZF");
            assertThat(i.getStaff()).isEqualTo(2);
            assertThat(i.getFunds()).isEqualByComparingTo(new BigDecimal("12.5"));
            assertThat(i.getConditions()).isNull();
            assertThat(i.getValidFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
        });
        assertThat(lists.current("S02").items()).noneMatch(i -> i.getName().equals(name));
        assertThat(admissions.notAdmitted("S02")).anyMatch(e -> e.admission().getCaseNo().equals(c.getCaseNo())
                && e.target().getStatus() == TargetStatus.NOT_ADMITTED);
        assertThat(admissions.notAdmitted("S01")).noneMatch(e -> e.admission().getCaseNo().equals(c.getCaseNo()));

        assertThat(record.ofCase(c.getCaseNo())).extracting(CaseDecision::getTaskKey, CaseDecision::getDecisionLabel,
                CaseDecision::getActorUser).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(STREET_OPINION, "同意承接", "s01-sec"),
                        org.assertj.core.groups.Tuple.tuple(STREET_OPINION, "不同意承接", "s02-sec"),
                        org.assertj.core.groups.Tuple.tuple(DECIDE, "准入", "bianban"));
        assertThat(notices(pi, NoticeKind.INFO)).anyMatch(n -> "org-dept".equals(n.getRecipientGroup())
                && n.getMessage().contains("准入"));
        assertThat(notices(pi, NoticeKind.CASE_END)).extracting(CaseNotification::getRecipientGroup)
                .contains("street-committee-S01", "dept-CGZF");
    }

    @Test
    void shouldAdmitWithConditionsAndKeepTheConditionsOnTheList() {
        String name = "老旧小区电动自行车充电设施巡查" + unique();
        ProcessInstance pi = apply("cgzf-off", "CGZF", name, "每月巡查老旧小区充电设施", "S03");
        opinion(pi, "S03", "s03-sec", DutyAdmissionProcess.AGREE_WITH_CONDITIONS, "需配备2名专职巡查人员");
        complete("bianban", task(pi, DECIDE), Map.of(Vars.ADMISSION_DECISION, DutyAdmissions.ADMIT_WITH_CONDITIONS,
                Vars.ADMISSION_COMMENT, "试行一年后评估"));

        assertThat(pi).hasPassed(ADMIT, ADMITTED).isEnded();
        assertThat(lists.current("S03").items()).filteredOn(i -> i.getName().equals(name)).singleElement()
                .extracting(DutyItem::getConditions).isEqualTo("试行一年后评估；需配备2名专职巡查人员");
        assertThat(caseOf(pi).getDecision()).isEqualTo(DutyAdmissions.ADMIT_WITH_CONDITIONS);
    }

    @Test
    void shouldRefuseTheDutySoThatNoStreetMayBeAssignedIt() {
        String name = "辖区企业安全生产台账录入" + unique();
        ProcessInstance pi = apply("scjg-off", "SCJG", name, "每月录入辖区企业安全生产检查台账", "S01,T01");
        opinion(pi, "S01", "s01-sec", DutyAdmissionProcess.DISAGREE, "属部门业务工作");
        opinion(pi, "T01", "t01-sec", DutyAdmissionProcess.DISAGREE, "无专业人员");
        // admitting needs a street that agreed
        assertRefused(() -> complete("bianban", task(pi, DECIDE), Map.of(Vars.ADMISSION_DECISION,
                DutyAdmissions.ADMIT)), "没有街道/镇同意承接");
        assertRefused(() -> complete("bianban", task(pi, DECIDE), Map.of(Vars.ADMISSION_DECISION,
                DutyAdmissions.REFUSE)), "请填写准入条件或不予准入的理由");
        assertThat(pi).isWaitingAt(DECIDE);

        complete("bianban", task(pi, DECIDE), Map.of(Vars.ADMISSION_DECISION, DutyAdmissions.REFUSE,
                Vars.ADMISSION_COMMENT, "属部门自身职责，不得转嫁街道"));

        assertThat(pi).hasPassed(DECIDE, REFUSE, REFUSED).hasNotPassed(ADMIT).isEnded();
        assertThat(historicVariable(pi, Vars.OUTCOME)).isEqualTo(DutyAdmissionProcess.OUTCOME_REFUSED);
        DutyAdmissionCase c = caseOf(pi);
        assertThat(c.getStatus()).isEqualTo(AdmissionStatus.REFUSED);
        assertThat(c.getDecisionComment()).isEqualTo("属部门自身职责，不得转嫁街道");
        assertThat(admissions.targets(c.getId())).extracting(DutyAdmissionTarget::getStatus)
                .containsOnly(TargetStatus.REFUSED);
        assertThat(lists.current("S01").items()).noneMatch(i -> i.getName().equals(name));
        assertThat(notices(pi, NoticeKind.CASE_END)).anyMatch(n -> "dept-SCJG".equals(n.getRecipientGroup())
                && n.getMessage().contains("不予准入"));
        assertThat(admissions.notAdmitted("T01")).anyMatch(e -> e.admission().getCaseNo().equals(c.getCaseNo())
                && e.target().getStatus() == TargetStatus.REFUSED);
    }

    @Test
    void shouldRefuseAtStartAnApplicationAlreadyRefusedForTheSameStreet() {
        String name = "辖区餐饮油烟排查" + unique();
        ProcessInstance pi = apply("scjg-off", "SCJG", name, "每季度排查", "S02");
        opinion(pi, "S02", "s02-sec", DutyAdmissionProcess.AGREE, null);
        complete("bianban", task(pi, DECIDE), Map.of(Vars.ADMISSION_DECISION, DutyAdmissions.REFUSE,
                Vars.ADMISSION_COMMENT, "由部门自行承担"));
        long before = cases();

        assertRefused(() -> apply("scjg-off", "SCJG", " " + name + " ", "换个说法再申请", "S02"),
                "「" + name + "」已于 " + pi.getBusinessKey() + " 不予准入西岭街道，不能再次申请");
        assertThat(cases()).isEqualTo(before);
        // another street may still be asked
        ProcessInstance other = apply("scjg-off", "SCJG", name, "每季度排查", "S01");
        assertThat(other).isWaitingAt(STREET_OPINION);
    }

    @Test
    void shouldRefuseBadStartInputWithChineseReasonsAndWriteNothing() {
        long before = cases();
        Map<String, Object> empty = new HashMap<>();
        empty.put(Vars.DEPT_CODE, "CGZF");
        assertRefused(() -> start("cgzf-off", empty), "请填写事项名称");
        assertRefused(() -> start("cgzf-off", empty), "请至少选择一个承接的街道/镇");

        Map<String, Object> bad = StartVariables.dutyAdmission("CGZF", "事项" + unique(), "内容", "ECONOMY", "S01,X9");
        bad.put(Vars.STAFF_COUNT, -1);
        bad.put(Vars.FUNDS_WAN, "十万");
        bad.put(Vars.START_DATE, "2027/01/01");
        assertRefused(() -> start("cgzf-off", bad), "请选择事项类别（党建管理 PARTY_BUILDING");
        assertRefused(() -> start("cgzf-off", bad), "未知或已停用的街道/镇: X9");
        assertRefused(() -> start("cgzf-off", bad), "编制或人员数应为 0 到 10000 的整数");
        assertRefused(() -> start("cgzf-off", bad), "经费应为以万元计的数字");
        assertRefused(() -> start("cgzf-off", bad), "起始日期应为 yyyy-MM-dd 格式");

        Map<String, Object> otherDept = StartVariables.dutyAdmission("GA", "事项" + unique(), "内容", "SOCIAL_MANAGEMENT", "S01");
        assertRefused(() -> start("cgzf-off", otherDept), "只能以本部门名义申请准入");
        assertThat(cases()).isEqualTo(before);
    }

    // ---- helpers ----

    private ProcessInstance apply(String user, String dept, String name, String description, String orgs) {
        return start(user, StartVariables.dutyAdmission(dept, name, description, "URBAN_MANAGEMENT", orgs));
    }

    private ProcessInstance start(String user, Map<String, Object> vars) {
        return as(user, () -> runtimeService.startProcessInstanceByKey(DutyAdmissionProcess.KEY, vars));
    }

    private void opinion(ProcessInstance pi, String org, String user, String opinion, String comment) {
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(STREET_OPINION)
                .taskCandidateGroup("street-committee-" + org).singleResult();
        assertThat(task).as("opinion task of %s", org).isNotNull();
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.STREET_OPINION, opinion);
        if (comment != null) {
            vars.put(Vars.STREET_OPINION_COMMENT, comment);
        }
        complete(user, task, vars);
    }

    private DutyAdmissionCase caseOf(ProcessInstance pi) {
        return admissions.findByCaseNo(pi.getBusinessKey()).orElseThrow();
    }

    private List<CaseNotification> notices(ProcessInstance pi, NoticeKind kind) {
        return notifications.ofCase(pi.getBusinessKey()).stream().filter(n -> n.getKind() == kind).toList();
    }

    private long cases() {
        return jdbc.queryForObject("select count(*) from duty_admission_case", Long.class);
    }

    private Object historicVariable(ProcessInstance instance, String name) {
        var v = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).list();
        return v.isEmpty() ? null : v.get(v.size() - 1).getValue();
    }

    static String unique() {
        return "（" + Long.toString(System.nanoTime(), 36) + "）";
    }

    static void assertRefused(ThrowingCallable call, String message) {
        assertThatThrownBy(call).satisfies(e -> {
            Throwable cause = e;
            while (cause != null && !(cause instanceof InvalidInputException)) {
                cause = cause.getCause();
            }
            assertThat(cause).as("InvalidInputException in %s", e).isNotNull();
            assertThat(cause.getMessage()).contains(message);
        });
    }
}
