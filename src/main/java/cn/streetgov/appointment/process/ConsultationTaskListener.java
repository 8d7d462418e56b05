package cn.streetgov.appointment.process;

import static cn.streetgov.appointment.process.ConsultationProcess.*;

import cn.streetgov.casework.OpinionDeadlines;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When the task after a missed reply deadline is created, the organisation department is
 * notified (the kernel's overdue notice, see {@link ConsultationOpinionRequest}). (Decisions are
 * checked and recorded by the kernel; see {@link ConsultationDecisionHook}.)
 */
@Component
class ConsultationTaskListener implements TaskListener {

    private final OpinionDeadlines deadlines;

    ConsultationTaskListener(OpinionDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName()) && HANDLE_NO_REPLY.equals(task.getTaskDefinitionKey())) {
            deadlines.notifyOverdue(task, task.getExecution());
        }
    }
}
