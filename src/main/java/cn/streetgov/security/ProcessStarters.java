package cn.streetgov.security;

import java.util.Set;

/**
 * Declared by each workflow: which groups may start its process (from Tasklist or REST).
 * {@link AuthorizationSeeder} turns each declaration into Camunda authorizations.
 */
public interface ProcessStarters {

    /** The process definition key, e.g. {@code power-delegation}. */
    String processKey();

    /** The Camunda group ids allowed to start it, resolved against the organisation model. */
    Set<String> starterGroups();
}
