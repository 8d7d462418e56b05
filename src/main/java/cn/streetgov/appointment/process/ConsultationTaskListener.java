package cn.streetgov.appointment.process;

import static cn.streetgov.appointment.process.ConsultationProcess.*;

import cn.streetgov.appointment.domain.ConsultationService;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.org.domain.PostRole;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When the task after a missed reply deadline is created, the organisation department is
 * notified. (Decisions are checked and recorded by the kernel; see {@link ConsultationDecisionHook}.)
 */
@Component
class ConsultationTaskListener implements TaskListener {

    private final ConsultationService service;

    ConsultationTaskListener(ConsultationService service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName()) && HANDLE_NO_REPLY.equals(task.getTaskDefinitionKey())) {
            service.notify(((Number) task.getVariable(CASE_ID)).longValue(), NoticeKind.OVERDUE,
                    PostRole.ORG_DEPT.groupId(null),
                    "案件 " + task.getExecution().getProcessBusinessKey() + "：街道党(工)委逾期未答复，请督办或记录未答复");
        }
    }
}
