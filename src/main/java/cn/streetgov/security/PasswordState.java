package cn.streetgov.security;

/** What a Camunda user's stored password is, as far as the application can tell without a login. */
enum PasswordState {
    /** No password at all. */
    NONE,
    /** Still the demo password "demo". */
    DEMO,
    /** The random password nobody knows that the application gave a new person or a replaced demo password. */
    UNUSABLE,
    /** The one-time password the application generated for an administrator and wrote to the log, unchanged since. */
    GENERATED,
    /** Set by a person (an administrator in Admin, or the initial administrator password). */
    SET;

    /** Whether someone can log in with it (a one-time password was written to the log for someone). */
    boolean usable(boolean demoPasswords) {
        return this == SET || this == GENERATED || (this == DEMO && demoPasswords);
    }
}
