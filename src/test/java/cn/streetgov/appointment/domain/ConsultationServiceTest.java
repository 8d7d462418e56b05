package cn.streetgov.appointment.domain;

import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.CaseNumbers;
import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.casework.Notifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.streetgov.common.InvalidInputException;
import cn.streetgov.org.GroupCatalog;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Agency;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ConsultationService with its repositories and the organisation model mocked: no Spring, no database. */
class ConsultationServiceTest {

    ConsultationCaseRepository cases = mock(ConsultationCaseRepository.class);
    DecisionRecord decisions = mock(DecisionRecord.class);
    Notifications notifications = mock(Notifications.class);
    CaseNumbers numbers = mock(CaseNumbers.class);
    OrgDirectory directory = mock(OrgDirectory.class);
    GroupCatalog groups = mock(GroupCatalog.class);
    ConsultationService service = new ConsultationService(cases, decisions, notifications, numbers, directory, groups);

    Agency here = ConsultationRequestsTest.agency("S01", "GA", "东华派出所", "王所长");
    Agency there = ConsultationRequestsTest.agency("S02", "GA", "西岭派出所", "李四");

    @BeforeEach
    void organisation() {
        when(directory.findActiveAgency(anyString())).thenAnswer(i -> Optional.ofNullable(
                Map.of("S01-GA", here, "S02-GA", there).get(i.getArgument(0, String.class))));
        when(directory.requireAgency("S01-GA")).thenReturn(here);
        when(directory.agencies()).thenReturn(List.of(here, there));
        when(numbers.next(anyString())).thenReturn("RM-2026-0042");
        when(cases.save(any())).thenAnswer(i -> i.getArgument(0));
    }

    @Test
    void shouldOpenACaseWithTheNumberAndTheCurrentHead() {
        ConsultationCase c = service.open(ConsultationRequestsTest.vars("S01-GA", "APPOINT", "张三"), "ga-off",
                List.of("dept-GA"), "pi-1");
        assertThat(c.getCaseNo()).isEqualTo("RM-2026-0042");
        assertThat(c.getOrgCode()).isEqualTo("S01");
        assertThat(c.getPreviousHeadName()).isEqualTo("王所长");
        assertThat(c.getProcessInstanceId()).isEqualTo("pi-1");
        assertThat(c.getStatus()).isEqualTo(ConsultationCase.Status.OPEN);
    }

    @Test
    void shouldRefuseAUserOfAnotherDepartmentAndWriteNothing() {
        assertThatThrownBy(() -> service.open(ConsultationRequestsTest.vars("S01-GA", "APPOINT", "张三"), "scjg-off",
                List.of("dept-SCJG"), "pi-1")).isInstanceOf(InvalidInputException.class);
        verify(cases, never()).save(any());
        verify(numbers, never()).next(anyString());
    }

    @Test
    void shouldMoveTheTransferredCandidateFromTheOtherAgency() {
        ConsultationCase c = caseFor("TRANSFER", "李四");
        service.applyAppointment(7L);
        verify(directory).removeHead("S02-GA");
        verify(directory).appointHead(eq("S01-GA"), eq("李四"), eq("所长"), any(LocalDate.class));
        assertThat(c.getAction()).isEqualTo(CadreAction.TRANSFER);
    }

    @Test
    void shouldSetTheHeadOnAppointmentAndClearItOnRemoval() {
        caseFor("APPOINT", "张三");
        service.applyAppointment(7L);
        verify(directory).appointHead(eq("S01-GA"), eq("张三"), eq("所长"), any(LocalDate.class));
        verify(directory, never()).removeHead(anyString());

        caseFor("REMOVE", "王所长");
        service.applyAppointment(7L);
        verify(directory).removeHead("S01-GA");
    }

    @Test
    void shouldComputeTheReplyDeadlineInWholeSeconds() {
        ConsultationCase c = caseFor("APPOINT", "张三");
        LocalDateTime deadline = service.applyRule(7L, "CONSENT", "DEPARTMENT", 7);
        assertThat(deadline.getNano()).isZero();
        assertThat(c.getReplyDeadline()).isEqualTo(deadline);
        assertThat(c.getConsultationMode()).isEqualTo("CONSENT");
        assertThat(c.getReplyDays()).isEqualTo(7);
    }

    @Test
    void shouldShowTheHistoryFromTheKernelsRecordInTheDistrictsTime() {
        caseFor("APPOINT", "张三");
        when(decisions.ofCase("RM-2026-0042")).thenReturn(List.of());
        assertThat(service.history(7L)).isEqualTo("（暂无意见）");

        CaseDecision street = decision("街道党(工)委会议答复意见", "DISAGREE", "不同意", "人选不熟悉辖区",
                "{\"meetingDate\":\"2026-03-01\"}", "s01-sec", "street-committee-S01", "2026-03-02T00:00:00Z");
        CaseDecision migrated = decision("部门决定", "APPROVE", null, null, null, null, "dept-GA", "2026-03-03T01:30:00Z");
        when(decisions.ofCase("RM-2026-0042")).thenReturn(List.of(street, migrated));
        when(groups.nameOf("street-committee-S01")).thenReturn(java.util.Optional.of("东华街道党工委"));
        when(groups.nameOf("dept-GA")).thenReturn(java.util.Optional.of("公安分局"));
        when(directory.personName("s01-sec")).thenReturn("王东华");
        // organisations and people by name (family name first), never by code
        assertThat(service.history(7L)).isEqualTo(
                "2026-03-02 08:00 街道党(工)委会议答复意见：不同意（东华街道党工委 王东华，会议日期 2026-03-01） 人选不熟悉辖区\n"
                        + "2026-03-03 09:30 部门决定：APPROVE（公安分局 —）");
        assertThat(ConsultationService.meetingDate(street)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(ConsultationService.meetingDate(migrated)).isNull();
    }

    private static CaseDecision decision(String step, String value, String label, String comment, String details,
            String user, String group, String at) {
        CaseDecision d = mock(CaseDecision.class);
        when(d.getStepName()).thenReturn(step);
        when(d.getDecision()).thenReturn(value);
        when(d.getDecisionLabel()).thenReturn(label);
        when(d.getComment()).thenReturn(comment);
        when(d.getDetails()).thenReturn(details);
        when(d.getActorUser()).thenReturn(user);
        when(d.getActorGroup()).thenReturn(group);
        when(d.getDecidedAt()).thenReturn(Instant.parse(at));
        return d;
    }

    private ConsultationCase caseFor(String action, String candidate) {
        ConsultationRequest request = ConsultationRequests.parse(
                ConsultationRequestsTest.vars("S01-GA", action, candidate), directory::findActiveAgency);
        ConsultationCase c = new ConsultationCase("RM-2026-0042", request, "S01", "王所长", "ga-off", LocalDateTime.now());
        when(cases.findById(7L)).thenReturn(Optional.of(c));
        return c;
    }
}
