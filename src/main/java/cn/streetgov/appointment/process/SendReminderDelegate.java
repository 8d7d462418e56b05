package cn.streetgov.appointment.process;

import cn.streetgov.casework.OpinionDeadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reminds the street committee that its reply is due soon (the kernel's {@link OpinionDeadlines},
 * with what {@link ConsultationOpinionRequest} asks for).
 */
@Component
class SendReminderDelegate implements JavaDelegate {

    private final OpinionDeadlines deadlines;

    SendReminderDelegate(OpinionDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.remind(execution);
    }
}
