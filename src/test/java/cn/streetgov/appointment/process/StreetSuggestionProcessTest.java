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

    private Suggestion suggestion(ProcessInstance pi) {
        return suggestions.require(((Number) historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).variableName(SUGGESTION_ID).singleResult().getValue()).longValue());
    }

    private static ProcessInstanceAssert at(ProcessInstance pi) {
        return BpmnAwareTests.assertThat(pi);
    }
}
