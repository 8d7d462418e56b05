package cn.streetgov.casework;

import java.util.Set;

/**
 * Declared by each workflow: which groups may start its process (from Tasklist or REST), and the
 * closed list of variables a start may carry. {@code security.AuthorizationSeeder} turns the groups into
 * Camunda authorizations; the engine API guard refuses any other start variable.
 */
public interface ProcessStarters {

    /** The process definition key, e.g. {@code power-delegation}. */
    String processKey();

    /** The Camunda group ids allowed to start it, resolved against the organisation model. */
    Set<String> starterGroups();

    /**
     * The variables a start may carry (the start form's fields). Identity-bearing ones among them
     * (the starting department or street) are checked against the caller by the start listener.
     */
    Set<String> startVariables();
}
