package cn.streetgov.appointment.process;

import cn.streetgov.casework.Actor;
import cn.streetgov.casework.NoticeKind;
import static cn.streetgov.appointment.process.ConsultationProcess.*;

import cn.streetgov.appointment.domain.AppointmentProperties;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.appointment.domain.ConsultationRequests;
import cn.streetgov.appointment.domain.ConsultationService;
import cn.streetgov.appointment.process.ConsultationProcess.TaskSpec;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.org.domain.PostRole;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The user tasks of {@code cadre-consultation}: on completion checks the decision (a comment is
 * required unless the street simply agrees; InvalidInputException otherwise), records it with who,
 * which organisation, which meeting and when, and refreshes the read-only texts of the forms.
 * When the deadline task is created, the organisation department is notified.
 */
@Component
class ConsultationTaskListener implements TaskListener {

    private final ConsultationService service;
    private final AppointmentProperties properties;

    ConsultationTaskListener(ConsultationService service, AppointmentProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @Override
    public void notify(DelegateTask task) {
        long caseId = ((Number) task.getVariable(CASE_ID)).longValue();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            if (HANDLE_NO_REPLY.equals(task.getTaskDefinitionKey())) {
                service.notify(caseId, NoticeKind.OVERDUE, PostRole.ORG_DEPT.groupId(null),
                        "案件 " + task.getExecution().getProcessBusinessKey() + "：街道党(工)委逾期未答复，请督办或记录未答复");
            }
            return;
        }
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        TaskSpec spec = TASKS.get(task.getTaskDefinitionKey());
        if (spec == null) {
            return;
        }
        String decision = text(task.getVariable(spec.decisionVar()));
        String comment = text(task.getVariable(spec.commentVar()));
        LocalDate meetingDate = spec.meetingDateVar() == null ? null
                : parseDate(task.getVariable(spec.meetingDateVar()), "会议日期");
        List<String> errors = new ArrayList<>();
        if (decision == null || !spec.allowed().contains(decision)) {
            errors.add("请选择决定（" + String.join(" / ", sorted(spec.allowed())) + "）");
        } else if (comment == null && !spec.commentOptionalFor().contains(decision)) {
            errors.add(spec.commentLabel());
        }
        if (comment != null && comment.length() > ConsultationRequests.MAX_TEXT) {
            errors.add("意见不能超过 " + ConsultationRequests.MAX_TEXT + " 字");
        }
        if (spec.meetingRequired() && meetingDate == null) {
            errors.add("请填写会议日期");
        }
        if (meetingDate != null && meetingDate.isAfter(CaseClock.now().toLocalDate())) {
            errors.add("会议日期不能晚于今天");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Actor actor = Actor.of(task);
        service.record(caseId, spec.step(), actor.userId(), actor.actedFor(), meetingDate, decision, comment);
        if (HANDLE_NO_REPLY.equals(task.getTaskDefinitionKey()) && CHASE.equals(decision)) {
            LocalDateTime deadline = service.extendDeadline(caseId, properties.chaseExtension());
            ConsultationRuleListener.setDeadline(task.getExecution(), deadline, properties);
            service.notify(caseId, NoticeKind.REMINDER, PostRole.STREET_COMMITTEE.groupId((String) task.getVariable(ORG_CODE)),
                    "案件 " + task.getExecution().getProcessBusinessKey() + "：组织部督办，请于 " + deadline.toLocalDate()
                            + " 前答复");
            task.getExecution().setVariable(CASE_SUMMARY, service.summary(caseId));
        }
        task.getExecution().setVariable(OPINION_HISTORY, service.history(caseId));
    }


}
