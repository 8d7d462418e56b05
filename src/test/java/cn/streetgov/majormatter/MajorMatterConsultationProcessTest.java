package cn.streetgov.majormatter;

import static cn.streetgov.majormatter.MajorMatterTestData.matter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.approval.ApprovalOperations;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.CaseNotification;
import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.Notifications;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.majormatter.domain.MajorMatter;
import cn.streetgov.majormatter.domain.MajorMatterOpinion;
import cn.streetgov.majormatter.domain.MajorMatterService;
import cn.streetgov.majormatter.process.MajorMatterProcess;
import cn.streetgov.majormatter.process.MajorMatterProcess.Elements;
import cn.streetgov.majormatter.process.MajorMatterProcess.Vars;
import cn.streetgov.test.ProcessTestSupport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** major-matter-consultation, one test per path: where the case went and what it wrote. */
class MajorMatterConsultationProcessTest extends ProcessTestSupport {

    @Autowired
    MajorMatterService matters;
    @Autowired
    DecisionRecord decisions;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApprovalOperations operations;

    @Test
    void shouldCollectEveryStreetsOpinionAnswerEachAndProceed() {
        ProcessInstance pi = send("zrzy-off", matter("ZRZY", "PLAN", "S01,S02", 10));
        MajorMatter matter = matterOf(pi);
        assertThat(pi.getBusinessKey()).matches("ZD-\\d{4}-\\d{4}").isEqualTo(matter.getCaseNo());
        assertThat(matter.getSenderCode()).isEqualTo("ZRZY");
        assertThat(matter.getStartedBy()).isEqualTo("zrzy-off");
        assertThat(matter.getStatus()).isEqualTo(MajorMatter.Status.CONSULTING);
        assertThat(matter.getOpinionDeadline()).isEqualTo(CaseClock.today().plusDays(10).atTime(23, 59, 59));
        assertThat(pi).isWaitingAt(Elements.GIVE_OPINION);
        Task s01 = opinionTask(pi, "S01");
        assertThat(candidateGroups(s01)).containsExactly("street-committee-S01");
        assertThat(candidateGroups(opinionTask(pi, "S02"))).containsExactly("street-committee-S02");
        assertThat(s01.getDueDate()).isEqualTo(CaseClock.toDate(matter.getOpinionDeadline()));
        // another street's committee may not answer for S01
        assertThatThrownBy(() -> complete("s02-sec", s01, opinion("SUPPORT", null)))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);

        complete("s01-sec", s01, opinion("SUPPORT", null));
        assertThat(pi).isWaitingAt(Elements.GIVE_OPINION);
        complete("s02-sec", opinionTask(pi, "S02"), opinion("OBJECT", "停车场选址紧邻小学，应另行选址"));

        assertThat(pi).hasPassed(Elements.END_CONSULTATION).isWaitingAt(Elements.ANSWER_OPINION);
        assertThat(matterOf(pi).getStatus()).isEqualTo(MajorMatter.Status.ANSWERING);
        Task answerS02 = answerTask(pi, "S02");
        assertThat(candidateGroups(answerS02)).containsExactly("dept-ZRZY");
        assertThat(taskService.getVariable(answerS02.getId(), Vars.OPINION_SHOWN))
                .isEqualTo("反对：停车场选址紧邻小学，应另行选址（会议日期 " + CaseClock.today() + "）");
        complete("zrzy-off", answerTask(pi, "S01"), Map.of(Vars.ANSWER, "ADOPTED"));
        complete("zrzy-off", answerS02, Map.of(Vars.ANSWER, "PARTLY_ADOPTED", Vars.ANSWER_REASON, "停车场移至片区北侧，其余不变"));

        assertThat(pi).isWaitingAt(Elements.DECIDE);
        assertThat(matterOf(pi).getStatus()).isEqualTo(MajorMatter.Status.DECIDING);
        complete("zrzy-off", task(pi, Elements.DECIDE), Map.of(Vars.DECISION, "PROCEED"));

        assertThat(pi).hasPassedInOrder(Elements.START, Elements.GIVE_OPINION, Elements.END_CONSULTATION,
                Elements.ANSWER_OPINION, Elements.DECIDE, Elements.PROCEEDED);
        assertThat(pi).hasNotPassed(Elements.RECORD_OVERDUE, Elements.SEND_REMINDER);
        assertThat(pi).isEnded().variables().containsEntry(Vars.OUTCOME, "PROCEED");
        MajorMatter closed = matterOf(pi);
        assertThat(closed.getStatus()).isEqualTo(MajorMatter.Status.CLOSED);
        assertThat(closed.getDecision()).isEqualTo(MajorMatter.Decision.PROCEED);
        assertThat(closed.getDecidedBy()).isEqualTo("zrzy-off");
        assertThat(matters.opinions(closed.getId())).extracting(MajorMatterOpinion::getOrgCode,
                MajorMatterOpinion::getOpinion, MajorMatterOpinion::isOverdue, MajorMatterOpinion::getAnswer,
                MajorMatterOpinion::getAnswerReason, MajorMatterOpinion::getSubmittedBy).containsExactly(
                tuple("S01", MajorMatterOpinion.Opinion.SUPPORT, false, MajorMatterOpinion.Answer.ADOPTED, null, "s01-sec"),
                tuple("S02", MajorMatterOpinion.Opinion.OBJECT, false, MajorMatterOpinion.Answer.PARTLY_ADOPTED,
                        "停车场移至片区北侧，其余不变", "s02-sec"));
        assertThat(decisions.ofCase(closed.getCaseNo())).extracting(CaseDecision::getTaskKey, CaseDecision::getDecision,
                CaseDecision::getActorUser).containsExactly(
                tuple(Elements.GIVE_OPINION, "SUPPORT", "s01-sec"),
                tuple(Elements.GIVE_OPINION, "OBJECT", "s02-sec"),
                tuple(Elements.ANSWER_OPINION, "ADOPTED", "zrzy-off"),
                tuple(Elements.ANSWER_OPINION, "PARTLY_ADOPTED", "zrzy-off"),
                tuple(Elements.DECIDE, "PROCEED", "zrzy-off"));
        // each answer told to its street, the decision to every street
        assertThat(notices(pi, NoticeKind.INFO)).extracting(CaseNotification::getRecipientGroup)
                .containsExactly("street-committee-S01", "street-committee-S02");
        assertThat(notices(pi, NoticeKind.INFO).get(1).getMessage()).contains("部分采纳", "停车场移至片区北侧");
        assertThat(notices(pi, NoticeKind.CASE_END)).filteredOn(n -> n.getRecipientGroup() != null)
                .extracting(CaseNotification::getRecipientGroup)
                .containsExactly("street-committee-S01", "street-committee-S02");
        assertThat(notices(pi, NoticeKind.REMINDER)).isEmpty();
    }

    @Test
    void shouldRecordAStreetThatMissedTheDeadlineAsOverdueAndAnswerOnlyTheOthers() {
        ProcessInstance pi = send("zrzy-off", matter("ZRZY", "MAJOR_PROJECT", "S01,S02", 7));
        complete("s01-sec", opinionTask(pi, "S01"), opinion("SUPPORT_WITH_SUGGESTIONS", "建议同步建设公共厕所"));
        advanceClockAndRunDueJobs(pi, 8L * 24 * 60 + 1);

        assertThat(pi).hasPassed(Elements.OPINION_DEADLINE, Elements.RECORD_OVERDUE, Elements.OPINION_OVERDUE)
                .isWaitingAt(Elements.ANSWER_OPINION);
        MajorMatter matter = matterOf(pi);
        MajorMatterOpinion s02 = matters.opinion(matter.getId(), "S02");
        assertThat(s02.isOverdue()).isTrue();
        assertThat(s02.getOpinion()).isNull();
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(Elements.ANSWER_OPINION).list()).hasSize(1);
        assertThat(notices(pi, NoticeKind.OVERDUE)).extracting(CaseNotification::getRecipientGroup, CaseNotification::getMessage)
                .containsExactly(tuple("dept-ZRZY", "案件 " + matter.getCaseNo() + "：西岭街道党(工)委逾期未反馈意见，已记为逾期未反馈"));
        assertThat(decisions.ofCase(matter.getCaseNo())).extracting(CaseDecision::getTaskKey, CaseDecision::getDecision)
                .contains(tuple(Elements.RECORD_OVERDUE, MajorMatterProcess.OVERDUE));
        // the S01 reminder came before the deadline only to the street that had not answered
        assertThat(notices(pi, NoticeKind.REMINDER)).extracting(CaseNotification::getRecipientGroup)
                .containsExactly("street-committee-S02");

        complete("zrzy-off", answerTask(pi, "S01"), Map.of(Vars.ANSWER, "ADOPTED"));
        complete("zrzy-off", task(pi, Elements.DECIDE), Map.of(Vars.DECISION, "PROCEED"));
        assertThat(pi).isEnded().hasPassed(Elements.PROCEEDED);
    }

    @Test
    void shouldRefuseANotAdoptedAnswerToAnObjectionWithoutReason() {
        ProcessInstance pi = send("zrzy-off", matter("ZRZY", "PLAN", "S03", 10));
        complete("s03-sec", opinionTask(pi, "S03"), opinion("OBJECT", "规划道路穿越南湖湿地"));
        Task answer = answerTask(pi, "S03");

        assertThatThrownBy(() -> complete("zrzy-off", answer, Map.of(Vars.ANSWER, "NOT_ADOPTED")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("未采纳或部分采纳的理由");
        assertThatThrownBy(() -> complete("zrzy-off", answer, Map.of(Vars.ANSWER, "MAYBE")))
                .hasRootCauseInstanceOf(InvalidInputException.class);
        assertThat(matters.opinion(matterOf(pi).getId(), "S03").getAnswer()).isNull();
        assertThat(pi).isWaitingAt(Elements.ANSWER_OPINION);
        // an auditor reads but never acts
        assertThatThrownBy(() -> complete("auditor", answer, Map.of(Vars.ANSWER, "ADOPTED")))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);

        complete("zrzy-off", answer, Map.of(Vars.ANSWER, "NOT_ADOPTED", Vars.ANSWER_REASON, "线位经环评论证，已采取生态保护措施"));
        MajorMatterOpinion s03 = matters.opinion(matterOf(pi).getId(), "S03");
        assertThat(s03.getAnswer()).isEqualTo(MajorMatterOpinion.Answer.NOT_ADOPTED);
        assertThat(s03.getAnswerReason()).isEqualTo("线位经环评论证，已采取生态保护措施");
        assertThat(s03.getAnsweredBy()).isEqualTo("zrzy-off");
        assertThat(notices(pi, NoticeKind.INFO)).singleElement().satisfies(n -> {
            assertThat(n.getRecipientGroup()).isEqualTo("street-committee-S03");
            assertThat(n.getMessage()).contains("不采纳", "线位经环评论证");
        });
        assertThat(pi).isWaitingAt(Elements.DECIDE);
    }

    @Test
    void shouldRequireTheStreetsReasonUnlessItSupports() {
        ProcessInstance pi = send("zrzy-off", matter("ZRZY", "PLAN", "S01", 10));
        Task s01 = opinionTask(pi, "S01");
        assertThatThrownBy(() -> complete("s01-sec", s01, opinion("OBJECT", null)))
                .hasRootCauseInstanceOf(InvalidInputException.class);
        Map<String, Object> future = new HashMap<>(opinion("SUPPORT", null));
        future.put(Vars.MEETING_DATE, CaseClock.today().plusDays(1).toString());
        assertThatThrownBy(() -> complete("s01-sec", s01, future))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasRootCauseMessage("会议日期不能晚于今天");
        assertThat(matters.opinion(matterOf(pi).getId(), "S01").isReceived()).isFalse();
        assertThat(pi).isWaitingAt(Elements.GIVE_OPINION);
    }

    @Test
    void shouldEndRevisedAndTellEveryStreet() {
        ProcessInstance pi = send("zrzy-off", matter("ZRZY", "MAJOR_DECISION", "S01,T01", 10));
        complete("s01-sec", opinionTask(pi, "S01"), opinion("OBJECT", "涉及拆迁户安置，应先听取居民意见"));
        complete("t01-sec", opinionTask(pi, "T01"), opinion("SUPPORT", null));
        complete("zrzy-off", answerTask(pi, "S01"), Map.of(Vars.ANSWER, "ADOPTED"));
        complete("zrzy-off", answerTask(pi, "T01"), Map.of(Vars.ANSWER, "ADOPTED"));
        assertThatThrownBy(() -> complete("zrzy-off", task(pi, Elements.DECIDE), Map.of(Vars.DECISION, "REVISE")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("修改或撤回的说明");
        complete("zrzy-off", task(pi, Elements.DECIDE), Map.of(Vars.DECISION, "REVISE", Vars.DECISION_NOTE, "先开展居民意见征询再修改方案"));

        assertThat(pi).isEnded().hasPassed(Elements.REVISED).hasNotPassed(Elements.PROCEEDED, Elements.WITHDRAWN);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(Vars.OUTCOME).singleResult().getValue()).isEqualTo("REVISE");
        MajorMatter closed = matterOf(pi);
        assertThat(closed.getDecision()).isEqualTo(MajorMatter.Decision.REVISE);
        assertThat(closed.getDecisionNote()).isEqualTo("先开展居民意见征询再修改方案");
        assertThat(notices(pi, NoticeKind.CASE_END)).filteredOn(n -> n.getRecipientGroup() != null)
                .extracting(CaseNotification::getRecipientGroup).containsExactly("street-committee-S01", "street-committee-T01");
    }

    @Test
    void shouldGoStraightToTheDecisionWhenNoStreetAnsweredAndEndWithdrawn() {
        ProcessInstance pi = send("govt", matter(MajorMatterService.GOVERNMENT, "MAJOR_DECISION", "S02", 5));
        assertThat(candidateGroups(opinionTask(pi, "S02"))).containsExactly("street-committee-S02");
        advanceClockAndRunDueJobs(pi, 6L * 24 * 60 + 1);

        assertThat(pi).hasPassed(Elements.RECORD_OVERDUE).hasNotPassed(Elements.ANSWER_OPINION)
                .isWaitingAt(Elements.DECIDE);
        assertThat(matterOf(pi).getStatus()).isEqualTo(MajorMatter.Status.DECIDING);
        assertThat(candidateGroups(task(pi, Elements.DECIDE))).containsExactly("district-government");
        assertThat(notices(pi, NoticeKind.OVERDUE)).extracting(CaseNotification::getRecipientGroup)
                .containsExactly("district-government");
        complete("govt", task(pi, Elements.DECIDE), Map.of(Vars.DECISION, "WITHDRAW", Vars.DECISION_NOTE, "条件尚不成熟，暂缓"));

        assertThat(pi).isEnded().hasPassed(Elements.WITHDRAWN);
        MajorMatter closed = matterOf(pi);
        assertThat(closed.getDecision()).isEqualTo(MajorMatter.Decision.WITHDRAW);
        assertThat(closed.getSenderCode()).isEqualTo("GOV");
        assertThat(matters.opinions(closed.getId())).extracting(MajorMatterOpinion::isOverdue).containsExactly(true);
    }

    @Test
    void shouldReturnTheDecisionToAnAnswerButNeverToAStreetsOpinion() {
        ProcessInstance pi = send("zrzy-off", matter("ZRZY", "PLAN", "S01", 10));
        complete("s01-sec", opinionTask(pi, "S01"), opinion("OBJECT", "占用社区绿地"));
        complete("zrzy-off", answerTask(pi, "S01"), Map.of(Vars.ANSWER, "NOT_ADOPTED", Vars.ANSWER_REASON, "绿地另行补足"));
        Task decide = task(pi, Elements.DECIDE);

        List<ApprovalOperations.ReturnTarget> targets = operations.returnTargets(user("zrzy-off"), decide.getId());
        assertThat(targets).extracting(ApprovalOperations.ReturnTarget::activityId)
                .contains(Elements.ANSWER_OPINION).doesNotContain(Elements.GIVE_OPINION);
        String answerTask = targets.stream().filter(t -> Elements.ANSWER_OPINION.equals(t.activityId())).findFirst()
                .orElseThrow().taskId();
        operations.returnTask(user("zrzy-off"), decide.getId(), Elements.ANSWER_OPINION, answerTask, "请写明补足绿地的位置");

        assertThat(pi).isWaitingAt(Elements.ANSWER_OPINION);
        MajorMatterOpinion s01 = matters.opinion(matterOf(pi).getId(), "S01");
        assertThat(s01.getAnswer()).isNull();
        assertThat(s01.getOpinion()).isEqualTo(MajorMatterOpinion.Opinion.OBJECT);
        assertThat(matterOf(pi).getStatus()).isEqualTo(MajorMatter.Status.ANSWERING);
        complete("zrzy-off", answerTask(pi, "S01"), Map.of(Vars.ANSWER, "NOT_ADOPTED",
                Vars.ANSWER_REASON, "在片区东侧补足同等面积绿地"));
        assertThat(matters.opinion(matterOf(pi).getId(), "S01").getAnswerReason()).isEqualTo("在片区东侧补足同等面积绿地");
        assertThat(pi).isWaitingAt(Elements.DECIDE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "zrzy-off | ZRZY | PLAN  | S01     | 2  | 至少应给街道 5 天",
        "zrzy-off | ZRZY | OTHER | S01     | 10 | 事项类型无效",
        "zrzy-off | ZRZY | PLAN  | ''      | 10 | 请至少选择一个涉及的街道/镇",
        "zrzy-off | ZRZY | PLAN  | S01,X99 | 10 | 未知或已停用的街道/镇: X99",
        "zrzy-off | GA   | PLAN  | S01     | 10 | 只能以本部门名义征求意见",
        "zrzy-off | GOV  | PLAN  | S01     | 10 | 只有区政府常务会议的工作人员",
        "zrzy-off | XX   | PLAN  | S01     | 10 | 未知或已停用的部门: XX",
    })
    void shouldRefuseABadStartWithAChineseReasonAndWriteNothing(String user, String sender, String type, String orgs,
            int days, String reason) {
        Map<String, Object> vars = matter(sender, type, orgs, days);
        String title = "拒绝测试 " + reason;
        vars.put(Vars.TITLE, title);
        assertThatThrownBy(() -> send(user, vars)).isInstanceOf(InvalidInputException.class).hasMessageContaining(reason);
        assertThat(jdbc.queryForObject("select count(*) from major_matter where title = ?", Long.class, title)).isZero();
    }

    @Test
    void shouldRefuseADeadlineThatIsNoDate() {
        Map<String, Object> vars = matter("ZRZY", "PLAN", "S01", 10);
        vars.put(Vars.OPINION_DEADLINE, "下周五");
        vars.put(Vars.TITLE, null);
        assertThatThrownBy(() -> send("zrzy-off", vars)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("反馈期限格式无效").hasMessageContaining("请填写事项名称");
    }

    // ---- helpers ----

    private ProcessInstance send(String user, Map<String, Object> vars) {
        return as(user, () -> runtimeService.startProcessInstanceByKey(MajorMatterProcess.KEY, vars));
    }

    static Map<String, Object> opinion(String opinion, String text) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.OPINION, opinion);
        if (text != null) {
            vars.put(Vars.OPINION_TEXT, text);
        }
        vars.put(Vars.MEETING_DATE, CaseClock.today().toString());
        return vars;
    }

    private MajorMatter matterOf(ProcessInstance pi) {
        return matters.requireByCaseNo(pi.getBusinessKey());
    }

    private Task opinionTask(ProcessInstance pi, String orgCode) {
        return taskOfGroup(pi, Elements.GIVE_OPINION, "street-committee-" + orgCode);
    }

    private Task answerTask(ProcessInstance pi, String orgCode) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Elements.ANSWER_OPINION)
                .list().stream().filter(t -> orgCode.equals(taskService.getVariable(t.getId(), Vars.ORG_CODE)))
                .findFirst().orElseThrow(() -> new AssertionError("no answer task for " + orgCode));
    }

    private Task taskOfGroup(ProcessInstance pi, String key, String group) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
                .taskCandidateGroup(group).singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }

    private List<CaseNotification> notices(ProcessInstance pi, NoticeKind kind) {
        return notifications.ofCase(pi.getBusinessKey()).stream().filter(n -> n.getKind() == kind).toList();
    }
}
