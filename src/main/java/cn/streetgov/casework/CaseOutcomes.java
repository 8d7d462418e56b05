package cn.streetgov.casework;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The Chinese label of a case's result, from the {@link OutcomeLabels} its workflow declares. A
 * process without a declaration, a case without an outcome, or a value the workflow does not name
 * reads {@value #ENDED}: a person never sees the code.
 */
@Service
public class CaseOutcomes {

    /** The variable every workflow keeps its result in. */
    public static final String VARIABLE = "outcome";

    /** What an ended case whose result has no label is called. */
    public static final String ENDED = "已办结";

    private final ObjectProvider<OutcomeLabels> declarations;

    CaseOutcomes(ObjectProvider<OutcomeLabels> declarations) {
        this.declarations = declarations;
    }

    public String label(String processKey, Object outcome) {
        if (outcome == null) {
            return ENDED;
        }
        return declarations.orderedStream().filter(d -> d.processKey().equals(processKey)).findFirst()
                .map(d -> d.outcomeLabels().get(outcome.toString())).orElse(ENDED);
    }
}
