package cn.streetgov.appointment.process;

import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.CaseNotification;
import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.casework.NoticeKind;
import static cn.streetgov.appointment.process.SuggestionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.appointment.domain.ConsultationCase;
import cn.streetgov.appointment.domain.ConsultationService;
import cn.streetgov.appointment.domain.Suggestion;
import cn.streetgov.appointment.domain.SuggestionService;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.test.ProcessTestSupport;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.assertions.bpmn.ProcessInstanceAssert;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code street-suggestion}: the street's suggestion right (建议权). */
class StreetSuggestionProcessTest extends ProcessTestSupport {

    static final String STREET_USER = "s01-sec";
    static final String DEPT_USER = "ga-off";
    static final String AGENCY = "S01-GA";

    @Autowired
    SuggestionService suggestions;
    @Autowired
    ConsultationService consultations;
    @Autowired
    OrgDirectory directory;
    @Autowired
    DecisionRecord decisions;

    @Test
    void shouldStartAConsultationPrefilledFromAnAcceptedSuggestionSentByMessage() {
        directory.appointHead(AGENCY, "原所长甲", "东华派出所所长", LocalDate.of(2024, 1, 1));
        ProcessInstance pi = as(STREET_USER, () -> runtimeService.createMessageCorrelation(MESSAGE)
                .setVariable(AGENCY_CODE, AGENCY).setVariable(ACTION, "REMOVE")
                .setVariable(REASON, "年度考核不合格").correlateStartMessage());
        assertThat(pi.getBusinessKey()).matches("JY-\\d{4}-\\d{4}");
        at(pi).hasPassed(START_MESSAGE).isWaitingAt(ANSWER);
        Task answer = task(pi, ANSWER);
        assertThat(taskService.getIdentityLinksForTask(answer.getId())).extracting("groupId").contains("dept-GA");
        assertThat(as("scjg-off", () -> taskService.createTaskQuery().processInstanceId(pi.getId()).list())).isEmpty();

        Map<String, Object> vars = new HashMap<>();
        vars.put(DECISION, ACCEPT);
        vars.put(COMMENT, "同意启动免职程序");
        vars.put(POSITION_TITLE, "东华派出所所长");
        vars.put(POSITION_LEVEL, "SECTION");
        complete(DEPT_USER, answer, vars);

        at(pi).isEnded().hasPassed(START_CONSULTATION, END_ACCEPTED);
        Suggestion s = suggestion(pi);
        assertThat(s.getStatus()).isEqualTo(Suggestion.Status.ACCEPTED);
        assertThat(s.getAnsweredBy()).isEqualTo(DEPT_USER);
        assertThat(s.getCaseNo()).matches("RM-\\d{4}-\\d{4}");
        ConsultationCase c = consultations.requireByCaseNo(s.getCaseNo());
        assertThat(c.getSuggestionNo()).isEqualTo(s.getSuggestionNo());
        assertThat(c.getAgencyCode()).isEqualTo(AGENCY);
        assertThat(c.getAction().name()).isEqualTo("REMOVE");
        assertThat(c.getCandidateName()).isEqualTo("原所长甲");
        assertThat(c.getReason()).contains("年度考核不合格", "同意启动免职程序");
        ProcessInstance consultation = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(s.getCaseNo()).singleResult();
        BpmnAwareTests.assertThat(consultation).isWaitingAt(ConsultationProcess.STREET_OPINION);
        assertThat(suggestions.notifications(s.getId())).filteredOn(n -> n.getKind() != NoticeKind.NEW_TASK)
                .extracting(CaseNotification::getKind).containsExactly(NoticeKind.CASE_END);
        assertThat(decisions.ofCase(pi.getBusinessKey())).singleElement().satisfies(d -> {
            assertThat(d.getDecision()).isEqualTo(ACCEPT);
            assertThat(d.getActorUser()).isEqualTo(DEPT_USER);
            assertThat(d.getDetails()).contains("\"positionLevel\":\"SECTION\"");
        });
    }

    @Test
    void shouldShowTheDeclineReasonsToTheStreet() {
        ProcessInstance pi = as(STREET_USER, () -> runtimeService.startProcessInstanceByKey(KEY,
                Map.of(AGENCY_CODE, AGENCY, ACTION, "APPOINT", REASON, "所长长期空缺，建议尽快配备")));
        at(pi).hasPassed(START_TASKLIST).isWaitingAt(ANSWER);
        Task answer = task(pi, ANSWER);
        // the reason is the declaration's (SuggestionProcess.byTask), and nothing is written
        assertThatThrownBy(() -> complete(DEPT_USER, answer, Map.of(DECISION, DECLINE))).rootCause()
                .isInstanceOf(InvalidInputException.class).hasMessage("请填写不予采纳的理由（街道可见）");
        assertThatThrownBy(() -> complete(DEPT_USER, answer, Map.of(DECISION, "LATER", COMMENT, "再议"))).rootCause()
                .isInstanceOf(InvalidInputException.class).hasMessage("请选择答复（采纳，发起任免征求意见 / 不予采纳）");
        assertThat(decisions.ofCase(pi.getBusinessKey())).isEmpty();
        assertThat(suggestion(pi).getStatus()).isEqualTo(Suggestion.Status.OPEN);
        at(pi).isWaitingAt(ANSWER);
        complete(DEPT_USER, answer, Map.of(DECISION, DECLINE, COMMENT, "人选正在考察中，暂不调整"));

        at(pi).isWaitingAt(READ_DECLINE).hasPassed(INFORM_DECLINE);
        assertThat(as(STREET_USER, () -> taskService.createTaskQuery().processInstanceId(pi.getId()).list())).hasSize(1);
        assertThat(as("s02-sec", () -> taskService.createTaskQuery().processInstanceId(pi.getId()).list())).isEmpty();
        assertThat(runtimeService.getVariable(pi.getId(), SUGGESTION_SUMMARY).toString()).contains("人选正在考察中");
        complete(STREET_USER, task(pi, READ_DECLINE), Map.of());

        at(pi).isEnded().hasPassed(END_DECLINED).hasNotPassed(START_CONSULTATION);
        Suggestion s = suggestion(pi);
        assertThat(s.getStatus()).isEqualTo(Suggestion.Status.DECLINED);
        assertThat(s.getAnswerComment()).isEqualTo("人选正在考察中，暂不调整");
        assertThat(s.getSuggestedBy()).isEqualTo(STREET_USER);
        assertThat(suggestions.notifications(s.getId())).filteredOn(n -> n.getKind() != NoticeKind.NEW_TASK)
                .extracting(CaseNotification::getKind, CaseNotification::getRecipientGroup)
                .containsExactly(Tuple.tuple(NoticeKind.CASE_END, "street-committee-S01"));
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(OUTCOME).singleResult().getValue()).isEqualTo(DECLINED);
        assertThat(s.getAnsweredBy()).isEqualTo(DEPT_USER);
        assertThat(decisions.ofCase(pi.getBusinessKey())).extracting(CaseDecision::getTaskKey, CaseDecision::getDecision,
                CaseDecision::getDecisionLabel, CaseDecision::getActorUser, CaseDecision::getActorGroup,
                CaseDecision::getComment).containsExactly(
                Tuple.tuple(ANSWER, DECLINE, "不予采纳", DEPT_USER, "dept-GA", "人选正在考察中，暂不调整"),
                Tuple.tuple(READ_DECLINE, READ, "已查阅", STREET_USER, "street-committee-S01", null));
    }

    @Test
    void shouldChaseTheDepartmentWhenTheAnswerIsOverdue() {
        ProcessInstance pi = as(STREET_USER, () -> runtimeService.startProcessInstanceByKey(KEY,
                Map.of(AGENCY_CODE, AGENCY, ACTION, "TRANSFER", REASON, "建议调整")));
        advanceClockAndRunDueJobs(pi, 10 * 24 * 60 + 1);

        at(pi).isWaitingAt(ANSWER).hasPassed(NOTIFY_OVERDUE, END_OVERDUE_NOTIFIED);
        assertThat(suggestions.notifications(suggestion(pi).getId())).filteredOn(n -> n.getKind() != NoticeKind.NEW_TASK)
                .extracting(CaseNotification::getKind, CaseNotification::getRecipientGroup)
                .containsExactly(Tuple.tuple(NoticeKind.OVERDUE, "dept-GA"),
                        Tuple.tuple(NoticeKind.OVERDUE, "org-dept"));
    }

    @Test
    void shouldRefuseASuggestionOnAnotherStreetsAgency() {
        assertThatThrownBy(() -> as("s02-sec", () -> runtimeService.startProcessInstanceByKey(KEY,
                Map.of(AGENCY_CODE, AGENCY, ACTION, "REMOVE", REASON, "越权建议"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不在本街道/镇");
    }

    @Test
    void shouldRefuseASuggestionWithoutReason() {
        assertThatThrownBy(() -> as(STREET_USER, () -> runtimeService.createMessageCorrelation(MESSAGE)
                .setVariable(AGENCY_CODE, AGENCY).setVariable(ACTION, "REMOVE").correlateStartMessage()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("请填写建议理由");
    }

    @Test
    void shouldNotLetADepartmentStartASuggestion() {
        assertThatThrownBy(() -> as(DEPT_USER, () -> runtimeService.startProcessInstanceByKey(KEY,
                Map.of(AGENCY_CODE, AGENCY, ACTION, "REMOVE", REASON, "部门不能提出街道建议"))))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    }

    // ---- 福田: the street proposes the holder of one of its own posts (consultation-mode.dmn, STREET_PROPOSAL) ----

    @Test
    void shouldAppointTheStreetsCandidateWhenTheDepartmentConsentsAndTheOrgDeptApproves() {
        ProcessInstance pi = nominate("UNION_CHAIR", "APPOINT", "李四");
        at(pi).hasPassed(START_TASKLIST, GATEWAY_KIND, DETERMINE_POST_PATH).isWaitingAt(DEPT_CONSENT)
                .hasNotPassed(ANSWER);
        assertThat(pi.getBusinessKey()).matches("JY-\\d{4}-\\d{4}");
        assertThat(runtimeService.getVariable(pi.getId(), ConsultationProcess.CONSULTATION_MODE)).isEqualTo(MODE_STREET_PROPOSAL);
        assertThat(runtimeService.getVariable(pi.getId(), ConsultationProcess.FINAL_AUTHORITY)).isEqualTo("ORG_DEPT");
        Suggestion opened = suggestion(pi);
        // the rule's 10 days, not the default answer period
        assertThat(opened.getAnswerDeadline()).isEqualTo(opened.getCreatedAt().plusDays(10));
        Task consent = task(pi, DEPT_CONSENT);
        // (the engine keeps a due date to the second on MariaDB)
        assertThat(consent.getDueDate()).isCloseTo(cn.streetgov.casework.CaseClock.toDate(opened.getAnswerDeadline()), 1000);
        assertThat(taskService.getIdentityLinksForTask(consent.getId())).extracting("groupId").containsExactly("dept-GA");
        assertThat(as("scjg-off", () -> taskService.createTaskQuery().processInstanceId(pi.getId()).list())).isEmpty();
        assertThat(runtimeService.getVariable(pi.getId(), SUGGESTION_SUMMARY).toString())
                .contains("东华街道", "工会主席", "拟任人选：李四", "公安分局");
        assertThatThrownBy(() -> complete(DEPT_USER, consent, Map.of(CONSENT_DECISION, REFUSE))).rootCause()
                .isInstanceOf(InvalidInputException.class).hasMessage("请填写不同意的理由（街道可见）");
        complete(DEPT_USER, consent, Map.of(CONSENT_DECISION, CONSENT, CONSENT_COMMENT, "人选熟悉工会工作"));

        at(pi).isWaitingAt(APPROVE_NOMINATION);
        assertThat(suggestion(pi).getConsentedBy()).isEqualTo(DEPT_USER);
        assertThat(suggestion(pi).getStatus()).isEqualTo(Suggestion.Status.OPEN);
        Task approval = task(pi, APPROVE_NOMINATION);
        assertThat(taskService.getIdentityLinksForTask(approval.getId())).extracting("groupId").containsExactly("org-dept");
        assertThat(runtimeService.getVariable(pi.getId(), SUGGESTION_SUMMARY).toString()).contains("部门意见：同意。人选熟悉工会工作");
        complete("orgdept", approval, Map.of(APPROVAL_DECISION, APPROVE));

        at(pi).isEnded().hasPassed(APPOINT_STREET_POST, END_POST_APPOINTED).hasNotPassed(INFORM_DECLINE);
        Suggestion s = suggestion(pi);
        assertThat(s.getStatus()).isEqualTo(Suggestion.Status.ACCEPTED);
        assertThat(s.getApprovedBy()).isEqualTo("orgdept");
        assertThat(s.getPostType().name()).isEqualTo("UNION_CHAIR");
        assertThat(s.getAgencyCode()).isNull();
        assertThat(suggestions.approvedNominations("S01")).extracting(Suggestion::getSuggestionNo).contains(s.getSuggestionNo());
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(OUTCOME).singleResult().getValue()).isEqualTo(APPOINTED);
        assertThat(suggestions.notifications(s.getId())).filteredOn(n -> n.getKind() != NoticeKind.NEW_TASK)
                .extracting(CaseNotification::getKind, CaseNotification::getRecipientGroup)
                .containsExactly(Tuple.tuple(NoticeKind.CASE_END, "street-committee-S01"));
        assertThat(decisions.ofCase(pi.getBusinessKey())).extracting(CaseDecision::getTaskKey, CaseDecision::getDecision,
                CaseDecision::getActorUser, CaseDecision::getActorGroup).containsExactly(
                Tuple.tuple(DEPT_CONSENT, CONSENT, DEPT_USER, "dept-GA"),
                Tuple.tuple(APPROVE_NOMINATION, APPROVE, "orgdept", "org-dept"));
    }

    @Test
    void shouldTellTheStreetWhenTheDepartmentRefusesItsCandidate() {
        ProcessInstance pi = nominate("ARMED_FORCES_HEAD", "REMOVE", "王五");
        complete(DEPT_USER, task(pi, DEPT_CONSENT), Map.of(CONSENT_DECISION, REFUSE, CONSENT_COMMENT, "须先完成离任审计"));

        at(pi).isWaitingAt(READ_DECLINE).hasPassed(GATEWAY_JOIN_DECLINE, INFORM_DECLINE).hasNotPassed(APPROVE_NOMINATION);
        Suggestion s = suggestion(pi);
        assertThat(s.getStatus()).isEqualTo(Suggestion.Status.DECLINED);
        assertThat(s.getAnswerComment()).isEqualTo("区级业务主管部门不同意：须先完成离任审计");
        assertThat(suggestions.notifications(s.getId())).filteredOn(n -> n.getKind() != NoticeKind.NEW_TASK)
                .singleElement().satisfies(n -> {
                    assertThat(n.getRecipientGroup()).isEqualTo("street-committee-S01");
                    assertThat(n.getMessage()).contains("未获同意", "须先完成离任审计");
                });
        complete(STREET_USER, task(pi, READ_DECLINE), Map.of());
        at(pi).isEnded().hasPassed(END_DECLINED);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(OUTCOME).singleResult().getValue()).isEqualTo(NOT_APPROVED);
        assertThat(suggestions.approvedNominations("S01")).extracting(Suggestion::getSuggestionNo)
                .doesNotContain(s.getSuggestionNo());
    }

    @Test
    void shouldTellTheStreetWhenTheOrgDeptRejectsItsCandidate() {
        ProcessInstance pi = nominate("DISCIPLINE_SECRETARY", "APPOINT", "赵六");
        complete(DEPT_USER, task(pi, DEPT_CONSENT), Map.of(CONSENT_DECISION, CONSENT));
        Task approval = task(pi, APPROVE_NOMINATION);
        assertThatThrownBy(() -> complete("orgdept", approval, Map.of(APPROVAL_DECISION, REJECT))).rootCause()
                .isInstanceOf(InvalidInputException.class).hasMessage("请填写不予批准的理由（街道可见）");
        complete("orgdept", approval, Map.of(APPROVAL_DECISION, REJECT, APPROVAL_COMMENT, "纪工委书记须由党工委班子成员兼任"));

        at(pi).isWaitingAt(READ_DECLINE).hasPassed(GATEWAY_NOMINATION_APPROVAL, INFORM_DECLINE)
                .hasNotPassed(APPOINT_STREET_POST);
        Suggestion s = suggestion(pi);
        assertThat(s.getStatus()).isEqualTo(Suggestion.Status.DECLINED);
        assertThat(s.getConsentedBy()).isEqualTo(DEPT_USER);
        assertThat(s.getAnswerComment()).isEqualTo("区委组织部不予批准：纪工委书记须由党工委班子成员兼任");
        assertThat(s.getApprovedAt()).isNull();
    }

    @Test
    void shouldRefuseAnIncompleteProposalOrOneForAnotherStreetAndWriteNothing() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count();
        assertThatThrownBy(() -> as(STREET_USER, () -> runtimeService.startProcessInstanceByKey(KEY,
                Map.of(POST_TYPE, "UNION_CHAIR", ORG_CODE, "S01", ACTION, "TRANSFER", REASON, "调整"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("请选择征求同意的区级业务主管部门")
                .hasMessageContaining("只能建议任职（APPOINT）或免职（REMOVE）")
                .hasMessageContaining("请填写拟任人选姓名");
        assertThatThrownBy(() -> as("s02-sec", () -> runtimeService.startProcessInstanceByKey(KEY,
                Map.of(POST_TYPE, "UNION_CHAIR", ORG_CODE, "S01", DEPT_CODE, "GA", ACTION, "APPOINT",
                        CANDIDATE_NAME, "越权", REASON, "为别的街道提名"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("只有本街道/镇党(工)委才能提出工会主席人选");
        assertThatThrownBy(() -> as(STREET_USER, () -> runtimeService.startProcessInstanceByKey(KEY,
                Map.of(POST_TYPE, "MAYOR", ORG_CODE, "S01", DEPT_CODE, "GA", ACTION, "APPOINT",
                        CANDIDATE_NAME, "某某", REASON, "未知岗位"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("岗位类别无效");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
    }

    private ProcessInstance nominate(String post, String action, String candidate) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(POST_TYPE, post);
        vars.put(ORG_CODE, "S01");
        vars.put(DEPT_CODE, "GA");
        vars.put(ACTION, action);
        vars.put(CANDIDATE_NAME, candidate);
        vars.put(REASON, "经街道党工委会议研究，提出人选意见");
        return as(STREET_USER, () -> runtimeService.startProcessInstanceByKey(KEY, vars));
    }

    private Suggestion suggestion(ProcessInstance pi) {
        return suggestions.require(((Number) historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).variableName(SUGGESTION_ID).singleResult().getValue()).longValue());
    }

    private static ProcessInstanceAssert at(ProcessInstance pi) {
        return BpmnAwareTests.assertThat(pi);
    }
}
