package cn.streetgov.appointment.domain;

import cn.streetgov.casework.Notifications;
import cn.streetgov.casework.CaseNumbers;
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
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Agency;
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
    CaseOpinionRepository opinions = mock(CaseOpinionRepository.class);
    Notifications notifications = mock(Notifications.class);
    CaseNumbers numbers = mock(CaseNumbers.class);
    OrgDirectory directory = mock(OrgDirectory.class);
    ConsultationService service = new ConsultationService(cases, opinions, notifications, numbers, directory);

    Agency here = ConsultationRequestsTest.agency("S01", "GA", "东华派出所", "王所长");
    Agency there = ConsultationRequestsTest.agency("S02", "GA", "西岭派出所", "李四");

    @BeforeEach
    void organisation() {
        when(directory.findAgency(anyString())).thenAnswer(i -> Optional.ofNullable(
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

    private ConsultationCase caseFor(String action, String candidate) {
        ConsultationRequest request = ConsultationRequests.parse(
                ConsultationRequestsTest.vars("S01-GA", action, candidate), directory::findAgency);
        ConsultationCase c = new ConsultationCase("RM-2026-0042", request, "S01", "王所长", "ga-off", LocalDateTime.now());
        when(cases.findById(7L)).thenReturn(Optional.of(c));
        return c;
    }
}
