package cn.streetgov.majormatter.process;

import cn.streetgov.casework.OpinionDeadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The opinion deadline passed without an opinion: the street's opinion is recorded as 逾期未反馈
 * ({@link MajorMatterOpinionRequest#overdue}) and the sender told (the kernel's {@link OpinionDeadlines}).
 */
@Component
class RecordOpinionOverdueDelegate implements JavaDelegate {

    private final OpinionDeadlines deadlines;

    RecordOpinionOverdueDelegate(OpinionDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.overdue(execution);
    }
}
