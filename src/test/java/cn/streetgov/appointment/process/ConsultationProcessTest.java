package cn.streetgov.appointment.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.appointment.domain.ConsultationCase.Status;
import cn.streetgov.casework.TaskDecisions.TaskDecision;
import cn.streetgov.common.InvalidInputException;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
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
    void shouldRequireACommentUnlessTheStreetAgreesAndAlwaysTheMeetingDate() {
        TaskDecision street = new ConsultationProcess(null).byTask().get(ConsultationProcess.STREET_OPINION);
        assertThat(street.check(Map.of(ConsultationProcess.STREET_OPINION_VAR, "AGREE",
                ConsultationProcess.MEETING_DATE, "2026-11-20")::get)).isEmpty();
        assertThat(street.check(Map.of(ConsultationProcess.STREET_OPINION_VAR, "AGREE_WITH_COMMENTS",
                ConsultationProcess.MEETING_DATE, "2026-11-20")::get)).containsExactly("请填写意见说明（除“同意”外须填写）");
        assertThat(street.check(Map.of(ConsultationProcess.STREET_OPINION_VAR, "AGREE")::get))
                .containsExactly("请填写会议日期");
        assertThat(street.label("AGREE_WITH_COMMENTS")).isEqualTo("同意，并提出意见");
    }

    @Test
    void shouldRequireAReasonOnlyWhereTheStreetsOpinionIsSetAside() {
        Map<String, TaskDecision> tasks = new ConsultationProcess(null).byTask();
        TaskDecision coordinate = tasks.get(ConsultationProcess.COORDINATE);
        assertThat(coordinate.check(Map.of(ConsultationProcess.COORDINATION_DECISION, "UPHOLD_STREET")::get)).isEmpty();
        assertThat(coordinate.check(Map.of(ConsultationProcess.COORDINATION_DECISION, "OVERRIDE")::get))
                .containsExactly("请填写不采纳街道意见的书面理由");
        TaskDecision response = tasks.get(ConsultationProcess.RESPOND_TO_OPINION);
        assertThat(response.check(Map.of(ConsultationProcess.RESPONSE_DECISION, "ADOPT")::get))
                .containsExactly("请填写对街道意见的书面答复");
        TaskDecision noReply = tasks.get(ConsultationProcess.HANDLE_NO_REPLY);
        assertThat(noReply.check(Map.of(ConsultationProcess.NO_REPLY_DECISION, "CHASE")::get)).isEmpty();
        assertThat(noReply.check(Map.of()::get)).containsExactly(
                "请选择逾期未答复的处理（督办，延长答复期限 / 记录街道未答复，继续办理）");
    }
}
