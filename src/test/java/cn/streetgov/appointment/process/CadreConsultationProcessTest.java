package cn.streetgov.appointment.process;

import cn.streetgov.casework.CaseNotification;
import cn.streetgov.casework.NoticeKind;
import static cn.streetgov.appointment.process.ConsultationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.streetgov.audit.AuditEventType;
import cn.streetgov.audit.AuditRecord;
import cn.streetgov.audit.AuditTrail;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.appointment.domain.ConsultationCase;
import cn.streetgov.appointment.domain.ConsultationCaseRepository;
import cn.streetgov.appointment.domain.ConsultationService;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Agency;
import cn.streetgov.test.ProcessTestSupport;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.assertions.bpmn.ProcessInstanceAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code cadre-consultation}: where the case went and what it wrote. */
class CadreConsultationProcessTest extends ProcessTestSupport {

    static final String DEPT_USER = "ga-off";
    static final String STREET_USER = "s01-sec";
    static final String OTHER_STREET_USER = "s02-sec";
    static final String ORG_DEPT_USER = "orgdept";
    static final String STANDING_USER = "standing";
    static final String AGENCY = "S01-GA";
    static final String CURRENT_HEAD = "原所长甲";

    @Autowired
    OrgDirectory directory;
    @Autowired
    ConsultationService consultations;
    @Autowired
    ConsultationCaseRepository caseRepository;
    @Autowired
    AuditTrail audit;

    // ---- consent mode (appointments and removals) ----

    @Test
    void shouldApproveSectionAppointmentWhenStreetAgrees() {
        ProcessInstance pi = start(proposal(AGENCY, "APPOINT", "新所长乙", "SECTION"));
        assertThat(pi.getBusinessKey()).matches("RM-\\d{4}-\\d{4}");
        at(pi).isWaitingAt(STREET_OPINION);
        assertThat(variable(pi, CONSULTATION_MODE)).isEqualTo(MODE_CONSENT);
        assertThat(variable(pi, FINAL_AUTHORITY)).isEqualTo("DEPARTMENT");
        Task street = task(pi, STREET_OPINION);
        assertThat(street.getDueDate()).isEqualTo((Date) variable(pi, REPLY_DEADLINE_DATE));
        assertThat(CaseClock.toLocal(street.getDueDate()).toLocalDate())
                .isEqualTo(CaseClock.now().toLocalDate().plusDays(7));

        streetAnswers(pi, "AGREE", null);
        at(pi).isWaitingAt(DEPT_DECISION);
        decide(pi, DEPT_DECISION, DEPT_USER, DEPT_DECISION_VAR, "APPROVE", DEPT_COMMENT, null);

        at(pi).isEnded().hasPassed(APPLY_APPOINTMENT, INFORM_STREET, END_APPROVED).hasNotPassed(COORDINATE);
        assertOutcome(pi, "APPROVED", MODE_CONSENT);
        Agency agency = directory.requireAgency(AGENCY);
        assertThat(agency.getHeadName()).isEqualTo("新所长乙");
        assertThat(agency.getHeadTitle()).isEqualTo("东华派出所所长");
        ConsultationCase c = caseOf(pi);
        assertThat(c.getPreviousHeadName()).isEqualTo(CURRENT_HEAD);
        assertThat(c.getStreetInformedAt()).isNotNull();
        assertThat(notifications(pi)).extracting(CaseNotification::getKind, CaseNotification::getRecipientGroup)
                .contains(tuple(NoticeKind.INFO, "street-committee-S01"));
        List<CaseDecision> opinions = consultations.opinions(c.getId());
        assertThat(opinions).extracting(CaseDecision::getTaskKey, CaseDecision::getDecision, CaseDecision::getActorUser,
                CaseDecision::getActorGroup).containsExactly(
                tuple(STREET_OPINION, AGREE, STREET_USER, "street-committee-S01"),
                tuple(DEPT_DECISION, APPROVE, DEPT_USER, "dept-GA"));
        assertThat(opinions).extracting(CaseDecision::getCaseNo, CaseDecision::getProcessKey, CaseDecision::getType)
                .containsOnly(tuple(pi.getBusinessKey(), KEY, CaseDecision.Type.DECISION));
        assertThat(opinions).extracting(CaseDecision::getStepName, CaseDecision::getDecisionLabel).containsExactly(
                tuple("街道党(工)委会议答复意见", "同意"), tuple("部门决定", "同意任免"));
        assertThat(ConsultationService.meetingDate(opinions.get(0))).isEqualTo(CaseClock.today());
        assertThat(opinions.get(0).getDetails()).isEqualTo("{\"meetingDate\":\"" + CaseClock.today() + "\"}");
        assertThat(opinions.get(0).getDecidedAt()).isNotNull();
    }

    @Test
    void shouldShowTheConsultationTaskOnlyToTheHostStreetCommittee() {
        ProcessInstance pi = start(proposal(AGENCY, "APPOINT", "新所长丙", "SECTION"));
        assertThat(as(STREET_USER, () -> taskService.createTaskQuery().processInstanceId(pi.getId()).list())).hasSize(1);
        assertThat(as(OTHER_STREET_USER, () -> taskService.createTaskQuery().processInstanceId(pi.getId()).list())).isEmpty();
        Task street = task(pi, STREET_OPINION);
        assertThatThrownBy(() -> complete(OTHER_STREET_USER, street, Map.of(STREET_OPINION_VAR, "AGREE")))
                .isInstanceOf(AuthorizationException.class);
        assertThat(variable(pi, CASE_SUMMARY).toString()).contains(pi.getBusinessKey(), "新所长丙", "征得同意");
    }

    @Test
    void shouldLetOrgDeptOverrideStreetDisagreementInConsentMode() {
        ProcessInstance pi = start(proposal(AGENCY, "REMOVE", null, "SECTION"));
        assertThat(variable(pi, CANDIDATE_NAME)).isEqualTo(CURRENT_HEAD);
        streetAnswers(pi, "DISAGREE", "该同志熟悉辖区情况，不同意免职");
        at(pi).isWaitingAt(COORDINATE);
        assertThat(variable(pi, OPINION_HISTORY).toString()).contains("街道党(工)委会议答复意见：不同意",
                "东华街道党工委 " + directory.personName(STREET_USER), "会议日期 " + CaseClock.today(), "不同意免职");
        Task coordinate = task(pi, COORDINATE);
        assertInvalid(() -> complete(ORG_DEPT_USER, coordinate, Map.of(COORDINATION_DECISION, OVERRIDE)),
                "请填写不采纳街道意见的书面理由");
        decide(pi, COORDINATE, ORG_DEPT_USER, COORDINATION_DECISION, "OVERRIDE", COORDINATION_COMMENT, "工作需要，经研究决定免职");
        decide(pi, DEPT_DECISION, DEPT_USER, DEPT_DECISION_VAR, "APPROVE", DEPT_COMMENT, null);

        at(pi).isEnded().hasPassed(COORDINATE, END_APPROVED);
        assertOutcome(pi, "APPROVED", MODE_CONSENT);
        assertThat(directory.requireAgency(AGENCY).hasHead()).isFalse();
        assertThat(consultations.opinions(caseOf(pi).getId())).extracting(CaseDecision::getTaskKey,
                CaseDecision::getDecision, CaseDecision::getActorGroup, CaseDecision::getComment).containsExactly(
                tuple(STREET_OPINION, DISAGREE, "street-committee-S01", "该同志熟悉辖区情况，不同意免职"),
                tuple(COORDINATE, OVERRIDE, "org-dept", "工作需要，经研究决定免职"),
                tuple(DEPT_DECISION, APPROVE, "dept-GA", null));
    }

    @Test
    void shouldRejectWhenOrgDeptUpholdsStreetDisagreement() {
        ProcessInstance pi = start(proposal(AGENCY, "APPOINT", "新所长丁", "SECTION"));
        streetAnswers(pi, "DISAGREE", "人选不熟悉本街道情况");
        decide(pi, COORDINATE, ORG_DEPT_USER, COORDINATION_DECISION, "UPHOLD_STREET", COORDINATION_COMMENT, null);

        at(pi).isEnded().hasPassed(END_UPHELD_STREET).hasNotPassed(DEPT_DECISION, APPLY_APPOINTMENT);
        assertOutcome(pi, "REJECTED", MODE_CONSENT);
        assertThat(directory.requireAgency(AGENCY).getHeadName()).isEqualTo(CURRENT_HEAD);
        assertThat(caseOf(pi).getStatus()).isEqualTo(ConsultationCase.Status.REJECTED);
        assertThat(caseOf(pi).getClosedAt()).isNotNull();
    }

    @Test
    void shouldGoStraightToDepartmentOnConsentWithCommentsAndRecordWithdrawal() {
        ProcessInstance pi = start(proposal(AGENCY, "APPOINT", "新所长戊", "SECTION"));
        streetAnswers(pi, "AGREE_WITH_COMMENTS", "同意，建议加强社区警务");
        at(pi).isWaitingAt(DEPT_DECISION);
        decide(pi, DEPT_DECISION, DEPT_USER, DEPT_DECISION_VAR, "WITHDRAW", DEPT_COMMENT, "另行研究人选");

        at(pi).isEnded().hasPassed(END_WITHDRAWN).hasNotPassed(COORDINATE, RESPOND_TO_OPINION, APPLY_APPOINTMENT);
        assertOutcome(pi, "WITHDRAWN", MODE_CONSENT);
        assertThat(directory.requireAgency(AGENCY).getHeadName()).isEqualTo(CURRENT_HEAD);
    }

    @Test
    void shouldRefuseStreetAnswerWithoutOpinionUnlessAgreeAndWriteNothing() {
        ProcessInstance pi = start(proposal(AGENCY, "APPOINT", "新所长己", "SECTION"));
        Task street = task(pi, STREET_OPINION);
        // the reasons are those of the declaration (ConsultationProcess.byTask), checked by the kernel
        assertRefusedCompletion(pi, street, streetVars(DISAGREE, null, CaseClock.today().toString()),
                "请填写意见说明（除“同意”外须填写）");
        assertRefusedCompletion(pi, street, streetVars(AGREE, null, null), "请填写会议日期");
        assertRefusedCompletion(pi, street, streetVars("MAYBE", "再议", CaseClock.today().toString()),
                "请选择街道党(工)委意见（同意 / 同意，并提出意见 / 不同意）");
        assertRefusedCompletion(pi, street, streetVars(AGREE, null, "20.11.2026"),
                "会议日期格式无效，应为 yyyy-MM-dd: 20.11.2026");
    }

    @Test
    void shouldRefuseAMeetingDateInTheFutureAndRollBackTheRecordedDecision() {
        ProcessInstance pi = start(proposal(AGENCY, "APPOINT", "新所长午", "SECTION"));
        // the kernel records the decision first; the hook's refusal rolls it back with the completion
        assertRefusedCompletion(pi, task(pi, STREET_OPINION),
                streetVars(AGREE, null, CaseClock.today().plusDays(1).toString()), "会议日期不能晚于今天");
    }

    @Test
    void shouldNameTheLoggedInUserNotTheAssigneeInTheRecordAndTheAuditTrail() {
        ProcessInstance pi = start(proposal(AGENCY, "APPOINT", "新所长未", "SECTION"));
        Task street = task(pi, STREET_OPINION);
        // assigned to another street's secretary (e.g. by an administrator), completed by the host street's
        taskService.setAssignee(street.getId(), OTHER_STREET_USER);
        as(STREET_USER, () -> {
            taskService.complete(street.getId(), streetVars(AGREE, null, CaseClock.today().toString()));
            return null;
        });

        assertThat(consultations.opinions(caseOf(pi).getId())).singleElement().satisfies(d -> {
            assertThat(d.getActorUser()).isEqualTo(STREET_USER);
            assertThat(d.getActorGroup()).isEqualTo("street-committee-S01");
            assertThat(d.getTaskId()).isEqualTo(street.getId());
        });
        assertThat(audit.trail(pi.getId())).filteredOn(r -> r.getEventType() == AuditEventType.TASK_COMPLETED)
                .singleElement().satisfies(r -> {
                    assertThat(r.getActorId()).isEqualTo(STREET_USER);
                    assertThat(r.getActorGroupId()).isEqualTo("street-committee-S01");
                    assertThat(r.getTaskId()).isEqualTo(street.getId());
                });
    }

    // ---- opinion mode (transfers) ----

    @Test
    void shouldRequireWrittenResponseToStreetCommentsInOpinionModeAndMoveTheTransferredHead() {
        directory.appointHead("S02-GA", "调任所长庚", "西岭派出所所长", LocalDate.of(2023, 1, 1));
        ProcessInstance pi = start(proposal(AGENCY, "TRANSFER", "调任所长庚", "SECTION"));
        assertThat(variable(pi, CONSULTATION_MODE)).isEqualTo(MODE_OPINION);
        streetAnswers(pi, "AGREE_WITH_COMMENTS", "希望尽快到岗");
        at(pi).isWaitingAt(RESPOND_TO_OPINION);
        decide(pi, RESPOND_TO_OPINION, DEPT_USER, RESPONSE_DECISION, "PROCEED", RESPONSE_COMMENT, "将于下月初到岗");
        decide(pi, DEPT_DECISION, DEPT_USER, DEPT_DECISION_VAR, "APPROVE", DEPT_COMMENT, null);

        at(pi).isEnded().hasPassed(RESPOND_TO_OPINION, APPLY_APPOINTMENT, END_APPROVED);
        assertOutcome(pi, "APPROVED", MODE_OPINION);
        assertThat(directory.requireAgency(AGENCY).getHeadName()).isEqualTo("调任所长庚");
        assertThat(directory.requireAgency("S02-GA").hasHead()).isFalse();
        assertThat(consultations.opinions(caseOf(pi).getId())).extracting(CaseDecision::getTaskKey, CaseDecision::getComment)
                .contains(tuple(RESPOND_TO_OPINION, "将于下月初到岗"));
        directory.appointHead("S02-GA", "西岭所长", "西岭派出所所长", LocalDate.of(2024, 1, 1));
    }

    @Test
    void shouldWithdrawWhenDepartmentAdoptsStreetDisagreementInOpinionMode() {
        ProcessInstance pi = start(proposal(AGENCY, "TRANSFER", "调任所长辛", "SECTION"));
        streetAnswers(pi, "DISAGREE", "辖区治安形势复杂，不宜调整");
        Task respond = task(pi, RESPOND_TO_OPINION);
        assertInvalid(() -> complete(DEPT_USER, respond, Map.of(RESPONSE_DECISION, ADOPT)), "请填写对街道意见的书面答复");
        decide(pi, RESPOND_TO_OPINION, DEPT_USER, RESPONSE_DECISION, "ADOPT", RESPONSE_COMMENT, "采纳街道意见，暂不调整");

        at(pi).isEnded().hasPassed(END_OPINION_ADOPTED).hasNotPassed(DEPT_DECISION);
        assertOutcome(pi, "WITHDRAWN", MODE_OPINION);
        assertThat(directory.requireAgency(AGENCY).getHeadName()).isEqualTo(CURRENT_HEAD);
    }

    @Test
    void shouldNotAskForResponseWhenStreetSimplyAgreesInOpinionMode() {
        ProcessInstance pi = start(proposal(AGENCY, "TRANSFER", "调任所长壬", "SECTION"));
        streetAnswers(pi, "AGREE", null);
        at(pi).isWaitingAt(DEPT_DECISION).hasNotPassed(RESPOND_TO_OPINION);
    }

    // ---- levels ----

    @Test
    void shouldSendDivisionLevelPostToStandingCommittee() {
        ProcessInstance pi = start(proposal(AGENCY, "APPOINT", "处级人选癸", "DIVISION"));
        assertThat(variable(pi, FINAL_AUTHORITY)).isEqualTo("STANDING_COMMITTEE");
        streetAnswers(pi, "AGREE", null);
        decide(pi, DEPT_DECISION, DEPT_USER, DEPT_DECISION_VAR, "APPROVE", DEPT_COMMENT, null);
        at(pi).isWaitingAt(COMMITTEE_DECISION);
        assertThat(directory.requireAgency(AGENCY).getHeadName()).isEqualTo(CURRENT_HEAD);
        Map<String, Object> vars = new HashMap<>();
        vars.put(COMMITTEE_DECISION_VAR, "APPROVE");
        vars.put(COMMITTEE_MEETING_DATE, CaseClock.now().toLocalDate().toString());
        complete(STANDING_USER, task(pi, COMMITTEE_DECISION), vars);

        at(pi).isEnded().hasPassed(COMMITTEE_DECISION, END_APPROVED);
        assertOutcome(pi, "APPROVED", MODE_CONSENT);
        assertThat(directory.requireAgency(AGENCY).getHeadName()).isEqualTo("处级人选癸");
        CaseDecision committee = consultations.opinions(caseOf(pi).getId()).get(2);
        assertThat(committee.getTaskKey()).isEqualTo(COMMITTEE_DECISION);
        assertThat(committee.getActorGroup()).isEqualTo("standing-committee");
        assertThat(ConsultationService.meetingDate(committee)).isEqualTo(CaseClock.today());
    }

    @Test
    void shouldEndRejectedWhenStandingCommitteeRejects() {
        ProcessInstance pi = start(proposal(AGENCY, "APPOINT", "处级人选子", "DIVISION"));
        streetAnswers(pi, "AGREE", null);
        decide(pi, DEPT_DECISION, DEPT_USER, DEPT_DECISION_VAR, "APPROVE", DEPT_COMMENT, null);
        decide(pi, COMMITTEE_DECISION, STANDING_USER, COMMITTEE_DECISION_VAR, "REJECT", COMMITTEE_COMMENT, "暂缓");

        at(pi).isEnded().hasPassed(END_COMMITTEE_REJECTED).hasNotPassed(APPLY_APPOINTMENT);
        assertOutcome(pi, "REJECTED", MODE_CONSENT);
        assertThat(directory.requireAgency(AGENCY).getHeadName()).isEqualTo(CURRENT_HEAD);
    }

    @Test
    void shouldLetOrgDeptApproveWhenTheRulesNameItTheFinalAuthority() {
        ProcessInstance pi = start(proposal(AGENCY, "APPOINT", "人选丑", "SECTION"));
        runtimeService.setVariable(pi.getId(), FINAL_AUTHORITY, "ORG_DEPT");
        streetAnswers(pi, "AGREE", null);
        decide(pi, DEPT_DECISION, DEPT_USER, DEPT_DECISION_VAR, "APPROVE", DEPT_COMMENT, null);
        at(pi).isWaitingAt(ORG_DEPT_APPROVAL);
        decide(pi, ORG_DEPT_APPROVAL, ORG_DEPT_USER, ORG_DEPT_DECISION, "APPROVE", ORG_DEPT_COMMENT, null);
        at(pi).isEnded().hasPassed(END_APPROVED);
        assertThat(directory.requireAgency(AGENCY).getHeadName()).isEqualTo("人选丑");
    }

    @Test
    void shouldEndRejectedWhenOrgDeptRefusesApproval() {
        ProcessInstance pi = start(proposal(AGENCY, "APPOINT", "人选寅", "SECTION"));
        runtimeService.setVariable(pi.getId(), FINAL_AUTHORITY, "ORG_DEPT");
        streetAnswers(pi, "AGREE", null);
        decide(pi, DEPT_DECISION, DEPT_USER, DEPT_DECISION_VAR, "APPROVE", DEPT_COMMENT, null);
        decide(pi, ORG_DEPT_APPROVAL, ORG_DEPT_USER, ORG_DEPT_DECISION, "REJECT", ORG_DEPT_COMMENT, "不符合任职条件");
        at(pi).isEnded().hasPassed(END_ORG_DEPT_REJECTED);
        assertOutcome(pi, "REJECTED", MODE_CONSENT);
    }

    // ---- deadlines ----

    @Test
    void shouldRemindTheStreetBeforeTheDeadline() {
        ProcessInstance pi = start(proposal(AGENCY, "APPOINT", "人选卯", "SECTION"));
        advanceClockAndRunDueJobs(pi, 4 * 24 * 60);
        assertThat(notifications(pi)).extracting(CaseNotification::getKind).doesNotContain(NoticeKind.REMINDER);
        advanceClockAndRunDueJobs(pi, 24 * 60 + 1);

        at(pi).isWaitingAt(STREET_OPINION).hasPassed(SEND_REMINDER, END_REMINDER_SENT);
        assertThat(notifications(pi)).filteredOn(n -> n.getKind() == NoticeKind.REMINDER)
                .extracting(CaseNotification::getKind, CaseNotification::getRecipientGroup)
                .containsExactly(tuple(NoticeKind.REMINDER, "street-committee-S01"));
    }

    @Test
    void shouldLetOrgDeptChaseTheStreetAfterTheDeadline() {
        ProcessInstance pi = start(proposal(AGENCY, "APPOINT", "人选辰", "SECTION"));
        advanceClockAndRunDueJobs(pi, 5 * 24 * 60 + 1);
        advanceClockAndRunDueJobs(pi, 2 * 24 * 60);
        at(pi).isWaitingAt(HANDLE_NO_REPLY).hasPassed(REPLY_DEADLINE);
        assertThat(notifications(pi)).extracting(CaseNotification::getKind).contains(NoticeKind.OVERDUE);
        decide(pi, HANDLE_NO_REPLY, ORG_DEPT_USER, NO_REPLY_DECISION, CHASE, NO_REPLY_COMMENT, "已电话督办");

        at(pi).isWaitingAt(STREET_OPINION);
        Date newDeadline = task(pi, STREET_OPINION).getDueDate();
        java.time.LocalDateTime expected = CaseClock.now().plusDays(3).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(CaseClock.toLocal(newDeadline)).isEqualTo(expected);
        assertThat(caseOf(pi).getReplyDeadline()).isEqualTo(expected);
        streetAnswers(pi, "AGREE", null);
        at(pi).isWaitingAt(DEPT_DECISION);
        assertThat(consultations.opinions(caseOf(pi).getId())).extracting(CaseDecision::getTaskKey, CaseDecision::getDecision)
                .containsExactly(tuple(HANDLE_NO_REPLY, CHASE),
                        tuple(STREET_OPINION, AGREE));
    }

    @Test
    void shouldRecordThatNoReplyCameAndContinueToTheDepartment() {
        ProcessInstance pi = start(proposal(AGENCY, "APPOINT", "人选巳", "SECTION"));
        advanceClockAndRunDueJobs(pi, 5 * 24 * 60 + 1);
        advanceClockAndRunDueJobs(pi, 2 * 24 * 60);
        decide(pi, HANDLE_NO_REPLY, ORG_DEPT_USER, NO_REPLY_DECISION, "RECORD_NO_REPLY", NO_REPLY_COMMENT, "逾期未答复");

        at(pi).isWaitingAt(DEPT_DECISION).hasPassed(HANDLE_NO_REPLY).hasNotPassed(COORDINATE, RESPOND_TO_OPINION);
        assertThat(variable(pi, OPINION_HISTORY).toString()).contains("督办或记录街道未答复：记录街道未答复，继续办理",
                "区委组织部 " + directory.personName(ORG_DEPT_USER), "逾期未答复");
        CaseDecision noReply = consultations.opinions(caseOf(pi).getId()).get(0);
        assertThat(noReply.getTaskKey()).isEqualTo(HANDLE_NO_REPLY);
        assertThat(noReply.getDecision()).isEqualTo(RECORD_NO_REPLY);
        assertThat(noReply.getActorUser()).isEqualTo(ORG_DEPT_USER);
        decide(pi, DEPT_DECISION, DEPT_USER, DEPT_DECISION_VAR, "APPROVE", DEPT_COMMENT, null);
        at(pi).isEnded();
        assertOutcome(pi, "APPROVED", MODE_CONSENT);
    }

    // ---- invalid starts ----

    @Test
    void shouldRefuseAnotherDepartmentsAgency() {
        Map<String, Object> vars = proposal("S01-CGZF", "APPOINT", "某人", "SECTION");
        vars.put(DEPT_CODE, "GA");
        assertRefused(DEPT_USER, vars, "不属于部门 GA");
    }

    @Test
    void shouldRefuseProposalInTheNameOfAnotherDepartment() {
        assertRefused("scjg-off", proposal(AGENCY, "APPOINT", "某人", "SECTION"), "不是部门 GA 的工作人员");
    }

    @Test
    void shouldRefuseRemovalAtAnAgencyWithoutHead() {
        directory.removeHead(AGENCY);
        assertRefused(DEPT_USER, proposal(AGENCY, "REMOVE", null, "SECTION"), "目前没有负责人，无法免职");
    }

    @Test
    void shouldRefuseAppointmentWithoutCandidate() {
        assertRefused(DEPT_USER, proposal(AGENCY, "APPOINT", null, "SECTION"), "任职须填写拟任人选");
    }

    @Test
    void shouldRefuseUnknownLevelAndMissingReason() {
        Map<String, Object> vars = proposal(AGENCY, "APPOINT", "某人", "BUREAU");
        vars.remove(REASON);
        assertRefused(DEPT_USER, vars, "职级无效");
    }

    // ---- helpers ----

    /** Task listener failures reach the caller wrapped by the engine; the reason is the root cause. */
    static void assertInvalid(ThrowingCallable call, String message) {
        assertThatThrownBy(call).rootCause().isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
    }

    private void assertRefused(String user, Map<String, Object> vars, String message) {
        String agency = (String) vars.get(AGENCY_CODE);
        long casesBefore = caseRepository.findAll().stream().filter(c -> c.getAgencyCode().equals(agency)).count();
        long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count();
        assertThatThrownBy(() -> as(user, () -> runtimeService.startProcessInstanceByKey(KEY, vars)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
        assertThat(caseRepository.findAll().stream().filter(c -> c.getAgencyCode().equals(agency)).count())
                .isEqualTo(casesBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(instancesBefore);
    }

    static Map<String, Object> proposal(String agency, String action, String candidate, String level) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(DEPT_CODE, agency.substring(agency.indexOf('-') + 1));
        vars.put(AGENCY_CODE, agency);
        vars.put(ACTION, action);
        if (candidate != null) {
            vars.put(CANDIDATE_NAME, candidate);
        }
        vars.put(POSITION_TITLE, "东华派出所所长");
        vars.put(POSITION_LEVEL, level);
        vars.put(REASON, "工作需要");
        vars.put(DOSSIER_REF, "GA-2026-考察-01");
        return vars;
    }

    private ProcessInstance start(Map<String, Object> vars) {
        directory.appointHead(AGENCY, CURRENT_HEAD, "东华派出所所长", LocalDate.of(2024, 1, 1));
        return as(DEPT_USER, () -> runtimeService.startProcessInstanceByKey(KEY, vars));
    }

    private void streetAnswers(ProcessInstance pi, String opinion, String comment) {
        complete(STREET_USER, task(pi, STREET_OPINION), streetVars(opinion, comment, CaseClock.today().toString()));
    }

    private static Map<String, Object> streetVars(String opinion, String comment, String meetingDate) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(STREET_OPINION_VAR, opinion);
        vars.put(OPINION_COMMENT, comment);
        vars.put(MEETING_DATE, meetingDate);
        return vars;
    }

    /**
     * The street committee's completion is refused with exactly this reason, and nothing is
     * written: no decision, no audit entry of a completed task, the task still open.
     */
    private void assertRefusedCompletion(ProcessInstance pi, Task task, Map<String, Object> vars, String reason) {
        assertThatThrownBy(() -> complete(STREET_USER, task, vars)).rootCause()
                .isInstanceOf(InvalidInputException.class).hasMessage(reason);
        assertThat(consultations.opinions(caseOf(pi).getId())).isEmpty();
        assertThat(audit.trail(pi.getId())).extracting(AuditRecord::getEventType)
                .doesNotContain(AuditEventType.TASK_COMPLETED);
        at(pi).isWaitingAt(STREET_OPINION);
        assertThat(task(pi, STREET_OPINION).getId()).isEqualTo(task.getId());
    }

    private void decide(ProcessInstance pi, String taskKey, String user, String decisionVar, String decision,
            String commentVar, String comment) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(decisionVar, decision);
        vars.put(commentVar, comment);
        complete(user, task(pi, taskKey), vars);
    }

    private static ProcessInstanceAssert at(ProcessInstance pi) {
        return BpmnAwareTests.assertThat(pi);
    }

    private Object variable(ProcessInstance pi, String name) {
        HistoricVariableInstance v = historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(name).singleResult();
        return v == null ? null : v.getValue();
    }

    private void assertOutcome(ProcessInstance pi, String outcome, String mode) {
        assertThat(variable(pi, OUTCOME)).isEqualTo(outcome);
        assertThat(variable(pi, CONSULTATION_MODE)).isEqualTo(mode);
        ConsultationCase c = caseOf(pi);
        assertThat(c.getOutcome()).isEqualTo(outcome);
        assertThat(c.getConsultationMode()).isEqualTo(mode);
        assertThat(c.getProcessInstanceId()).isEqualTo(pi.getId());
    }

    private ConsultationCase caseOf(ProcessInstance pi) {
        return consultations.requireByCaseNo(pi.getBusinessKey());
    }

    private List<CaseNotification> notifications(ProcessInstance pi) {
        return consultations.notifications(caseOf(pi).getId());
    }
}
