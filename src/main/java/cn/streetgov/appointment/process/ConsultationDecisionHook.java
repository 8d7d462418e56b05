package cn.streetgov.appointment.process;

import static cn.streetgov.appointment.process.ConsultationProcess.*;

import cn.streetgov.appointment.domain.AppointmentProperties;
import cn.streetgov.appointment.domain.ConsultationService;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.DecisionHook;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.RecordedDecision;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.org.domain.PostRole;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What {@code cadre-consultation} does after the kernel has checked and recorded a decision
 * ({@link ConsultationProcess#byTask()}): a meeting cannot lie in the future (its date is kept in
 * the record as {@code yyyy-MM-dd}); a chase gives the street more time and reminds it; the
 * read-only texts of the next forms are refreshed.
 */
@Component
class ConsultationDecisionHook implements DecisionHook {

    private final ConsultationService service;
    private final AppointmentProperties properties;

    ConsultationDecisionHook(ConsultationService service, AppointmentProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    @Override
    public void onDecision(DelegateTask task, RecordedDecision decision) {
        long caseId = ((Number) task.getVariable(CASE_ID)).longValue();
        recordMeetingDate(task, decision);
        if (HANDLE_NO_REPLY.equals(task.getTaskDefinitionKey()) && CHASE.equals(decision.decision())) {
            LocalDateTime deadline = service.extendDeadline(caseId, properties.chaseExtension());
            ConsultationRuleListener.setDeadline(task.getExecution(), deadline, properties);
            service.notify(caseId, NoticeKind.REMINDER,
                    PostRole.STREET_COMMITTEE.groupId((String) task.getVariable(ORG_CODE)),
                    "案件 " + task.getExecution().getProcessBusinessKey() + "：组织部督办，请于 " + deadline.toLocalDate()
                            + " 前答复");
            task.getExecution().setVariable(CASE_SUMMARY, service.summary(caseId));
        }
        task.getExecution().setVariable(OPINION_HISTORY, service.history(caseId));
    }

    /** The meeting's date, checked (not after today) and kept in the record's details as an ISO date. */
    private static void recordMeetingDate(DelegateTask task, RecordedDecision decision) {
        Map<String, Object> dates = new LinkedHashMap<>();
        for (String detail : decision.declared().details()) {
            if (!MEETING_DATES.contains(detail)) {
                continue;
            }
            LocalDate date = parseDate(task.getVariable(detail), "会议日期");
            if (date == null) {
                continue;
            }
            if (date.isAfter(CaseClock.today())) {
                throw new InvalidInputException("会议日期不能晚于今天");
            }
            dates.put(ConsultationService.MEETING_DATE_DETAIL, date.toString());
        }
        if (!dates.isEmpty()) {
            decision.amend(decision.decision(), dates);
        }
    }
}
