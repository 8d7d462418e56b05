package cn.streetgov.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one record of decisions and opinions of every workflow ({@code case_decision}). The kernel's
 * decision listener writes the officials' decisions; workflows write only the engine's own steps
 * ({@link #recordSystem}) and read the record of a case.
 */
public interface DecisionRecord {

    CaseDecision record(CaseDecision.Entry entry);

    /**
     * A step the engine took by itself (a reopening, a close) at the execution's current activity:
     * no user, no organisation.
     */
    CaseDecision recordSystem(DelegateExecution execution, String decision, String comment);

    /**
     * A step at the execution's current activity taken for a person outside a user task (an
     * objection sent through the API): recorded with that person and organisation.
     */
    CaseDecision recordStep(DelegateExecution execution, String decision, String comment, String actorUser,
            String actorGroup);

    /** The decisions of one case, oldest first. */
    List<CaseDecision> ofCase(String caseNo);

    /** The entries of one engine case (a case with child cases has one record per instance), oldest first. */
    List<CaseDecision> ofProcessInstance(String processInstanceId);

    /** The latest entry of the type on the task, if any. */
    Optional<CaseDecision> latest(String taskId, CaseDecision.Type type);

    /** Whether the case records anything done by the user, or for one of the groups. */
    boolean tookPart(String processInstanceId, String userId, Collection<String> groupIds);
}
