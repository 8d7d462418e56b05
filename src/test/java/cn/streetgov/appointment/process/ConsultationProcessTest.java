package cn.streetgov.appointment.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.appointment.domain.ConsultationCase.Status;
import cn.streetgov.common.InvalidInputException;
import java.time.LocalDate;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The small helpers of the process class and the outcome of each end event, without Spring. */
class ConsultationProcessTest {

    @Test
    void shouldParseDatesAsTasklistAndRestSendThem() {
        assertThat(ConsultationProcess.parseDate("2026-11-20", "会议日期")).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(ConsultationProcess.parseDate("2026-11-20T00:00:00.000+0800", "会议日期")).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(ConsultationProcess.parseDate(" ", "会议日期")).isNull();
        assertThat(ConsultationProcess.parseDate(new Date(0), "会议日期")).isNotNull();
        assertThatThrownBy(() -> ConsultationProcess.parseDate("20.11.2026", "会议日期"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("会议日期格式无效");
    }

    @Test
    void shouldGiveEveryEndEventAnOutcome() {
        assertThat(CloseConsultationListener.OUTCOME_BY_END).containsEntry(ConsultationProcess.END_APPROVED, Status.APPROVED)
                .containsEntry(ConsultationProcess.END_UPHELD_STREET, Status.REJECTED)
                .containsEntry(ConsultationProcess.END_COMMITTEE_REJECTED, Status.REJECTED)
                .containsEntry(ConsultationProcess.END_OPINION_ADOPTED, Status.WITHDRAWN)
                .containsEntry(ConsultationProcess.END_WITHDRAWN, Status.WITHDRAWN)
                .doesNotContainKey(ConsultationProcess.END_REMINDER_SENT);
    }

    @Test
    void shouldRequireACommentUnlessTheStreetAgrees() {
        var spec = ConsultationProcess.TASKS.get(ConsultationProcess.STREET_OPINION);
        assertThat(spec.commentOptionalFor()).containsExactly("AGREE");
        assertThat(spec.meetingRequired()).isTrue();
        assertThat(ConsultationProcess.TASKS.get(ConsultationProcess.COORDINATE).commentOptionalFor())
                .containsExactly("UPHOLD_STREET");
    }
}
