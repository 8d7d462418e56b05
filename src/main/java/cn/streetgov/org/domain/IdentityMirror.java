package cn.streetgov.org.domain;

/**
 * The copy of the organisation model in the engine's identity (Camunda users, groups and
 * memberships), kept up to date right after an administrator's change. Implemented by the security
 * package's identity synchronisation; called inside the change's transaction, so that the model and
 * its copy commit or roll back together.
 */
public interface IdentityMirror {

    /**
     * An organisation was added, renamed, deactivated or reactivated: brings the Camunda groups (and
     * what the groups may do) in line with the model. Returns the number of changes.
     */
    int organisationsChanged();

    /**
     * A person or their posts changed: creates, updates or removes that one Camunda user and their
     * memberships. A new user gets no usable password (an administrator sets one in Camunda Admin).
     * Returns the number of changes.
     */
    int personChanged(String username);
}
