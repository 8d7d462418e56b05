package cn.streetgov.casework;

import cn.streetgov.casework.TaskDecisions.TaskDecision;
import java.util.Map;

/**
 * A decision as the kernel recorded it, handed to the workflow's {@link DecisionHook}.
 *
 * @param declared what the workflow declared for the task
 * @param decision the recorded decision value (text), or null
 * @param comment the trimmed comment, or null
 * @param actor who acted, for which organisation
 * @param record the stored row (a hook may {@link CaseDecision#amend amend} it)
 */
public record RecordedDecision(TaskDecision declared, String decision, String comment, Actor actor,
        CaseDecision record) {

    /** Adds worked-out values (a grade, a score) to the record's details. */
    public void amend(String newDecision, Map<String, ?> moreDetails) {
        Map<String, Object> all = Json.readObject(record.getDetails());
        all.putAll(moreDetails);
        record.amend(newDecision, declared.label(newDecision), Json.write(all));
    }
}
