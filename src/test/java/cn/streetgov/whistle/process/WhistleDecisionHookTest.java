package cn.streetgov.whistle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.streetgov.casework.Actor;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.RecordedDecision;
import cn.streetgov.casework.TaskDecisions.TaskDecision;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.whistle.domain.WhistleCaseService;
import cn.streetgov.whistle.domain.WhistleSummons;
import cn.streetgov.whistle.process.WhistleProcess.Elements;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import java.time.Instant;
import org.camunda.community.mockito.delegate.DelegateTaskFake;
import org.junit.jupiter.api.Test;

/** The whistle's decision hook alone: a fake task, the case service mocked, no engine, no database. */
class WhistleDecisionHookTest {

    final WhistleCaseService cases = mock(WhistleCaseService.class);
    final WhistleDecisionHook hook = new WhistleDecisionHook(cases);

    @Test
    void shouldRecordALateReportAsLate() {
        WhistleSummons late = mock(WhistleSummons.class);
        when(late.isLate()).thenReturn(true);
        when(cases.recordReport(7L, "GA", "已到场", "s01-ga-head")).thenReturn(late);
        DelegateTaskFake task = task(Elements.REPORT);
        task.setVariable(Vars.DEPT_CODE, "GA");
        RecordedDecision decision = recorded(Elements.REPORT, WhistleProcess.REPORTED, "已到场");

        hook.onDecision(task, decision);

        assertThat(decision.record().getDecision()).isEqualTo(WhistleProcess.REPORTED_LATE);
    }

    @Test
    void shouldKeepAnOnTimeReportAsReported() {
        when(cases.recordReport(anyLong(), anyString(), any(), any())).thenReturn(mock(WhistleSummons.class));
        DelegateTaskFake task = task(Elements.REPORT);
        task.setVariable(Vars.DEPT_CODE, "GA");
        RecordedDecision decision = recorded(Elements.REPORT, WhistleProcess.REPORTED, "已到场");

        hook.onDecision(task, decision);

        assertThat(decision.record().getDecision()).isEqualTo(WhistleProcess.REPORTED);
    }

    @Test
    void shouldSendAnUnresolvedCaseBackWithABooleanVariable() {
        DelegateTaskFake task = task(Elements.CONFIRM);
        task.setVariable(Vars.RESOLVED, "false");

        hook.onDecision(task, recorded(Elements.CONFIRM, "false", "仍有积水"));

        assertThat(task.getVariable(Vars.RESOLVED)).isEqualTo(false);
        verify(cases).recordConfirmation(7L, false);
    }

    @Test
    void shouldTakeASatisfactionOfOneToFiveOnly() {
        DelegateTaskFake task = task(Elements.FOLLOW_UP);
        task.setVariable(Vars.SATISFACTION, "4");
        RecordedDecision decision = recorded(Elements.FOLLOW_UP, "4", null);
        hook.onDecision(task, decision);
        assertThat(task.getVariable(Vars.SATISFACTION)).isEqualTo(4);
        verify(cases).recordFollowUp(7L, 4);

        DelegateTaskFake tooHigh = task(Elements.FOLLOW_UP);
        tooHigh.setVariable(Vars.SATISFACTION, 6.0);
        assertThatThrownBy(() -> hook.onDecision(tooHigh, recorded(Elements.FOLLOW_UP, "6.0", null)))
                .isInstanceOf(InvalidInputException.class).hasMessage("群众满意度应为 1 到 5 分");
        verify(cases, never()).recordFollowUp(7L, 6);
    }

    private static DelegateTaskFake task(String key) {
        DelegateTaskFake task = new DelegateTaskFake("task-1").withTaskDefinitionKey(key);
        task.setVariable(Vars.CASE_ID, 7L);
        return task;
    }

    private static RecordedDecision recorded(String taskKey, String decision, String comment) {
        CaseDecision row = CaseDecision.of(new CaseDecision.Entry("CS-2026-0001", "pi-1", WhistleProcess.KEY,
                "task-1", taskKey, "步骤", CaseDecision.Type.DECISION, decision, null, comment, null, "s01-ga-head",
                "agency-S01-GA"), Instant.parse("2026-03-02T02:00:00Z"));
        return new RecordedDecision(TaskDecision.of(null, null), decision, comment,
                new Actor("s01-ga-head", "agency-S01-GA", "东华派出所", "agency-S01-GA"), row);
    }
}
