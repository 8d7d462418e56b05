package cn.streetgov.casework;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a workflow does after the kernel has checked and recorded a decision, for what is
 * genuinely its own (capacity pairs, re-grading, summons, the case text of the next form). Thrown
 * exceptions refuse the completion: nothing of it is written.
 */
public interface DecisionHook {

    /** The process definition key whose decisions this hook follows. */
    String processKey();

    void onDecision(DelegateTask task, RecordedDecision decision);
}
