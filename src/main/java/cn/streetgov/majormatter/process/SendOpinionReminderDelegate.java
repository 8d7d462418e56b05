package cn.streetgov.majormatter.process;

import cn.streetgov.casework.OpinionDeadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds a street committee that has not given its opinion yet (the kernel's {@link OpinionDeadlines}). */
@Component
class SendOpinionReminderDelegate implements JavaDelegate {

    private final OpinionDeadlines deadlines;

    SendOpinionReminderDelegate(OpinionDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.remind(execution);
    }
}
