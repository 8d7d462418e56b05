package cn.streetgov.casework;

import java.util.Map;

/**
 * The Chinese names of a process's results: what its variable {@code outcome} holds when a case
 * ends (e.g. {@code PUBLISHED} → 已公布). One per process, declared by its workflow (beside its
 * {@link ProcessStarters}); read through {@link CaseOutcomes}, so that a person is told the result,
 * never its code.
 */
public interface OutcomeLabels {

    /** The process definition key, e.g. {@code power-delegation}. */
    String processKey();

    /** Each value of {@code outcome} ({@link CaseOutcomes#VARIABLE}) with its Chinese label. */
    Map<String, String> outcomeLabels();
}
