package cn.streetgov.appointment.process;

import cn.streetgov.casework.NoticeKind;
import static cn.streetgov.appointment.process.ConsultationProcess.*;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.appointment.domain.ConsultationService;
import cn.streetgov.org.domain.PostRole;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the street committee that its reply is due soon (a notification row and a log line). */
@Component
class SendReminderDelegate implements JavaDelegate {

    private final ConsultationService service;

    SendReminderDelegate(ConsultationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable(CASE_ID)).longValue();
        Date deadline = (Date) execution.getVariable(REPLY_DEADLINE_DATE);
        service.notify(caseId, NoticeKind.REMINDER, PostRole.STREET_COMMITTEE.groupId((String) execution.getVariable(ORG_CODE)),
                "案件 " + execution.getProcessBusinessKey() + "：请于 " + CaseClock.toLocal(deadline).toLocalDate()
                        + " 前召开会议并答复任免意见");
    }
}
