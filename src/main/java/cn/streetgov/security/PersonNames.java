package cn.streetgov.security;

import org.camunda.bpm.engine.identity.User;

/**
 * How a person's name is kept in Camunda's user and shown: Chinese names are written family name
 * first, and the webapps show a user as {@code firstName + " " + lastName} (Tasklist's header, the
 * assignee on a task, Cockpit, Admin). So Camunda's first name — the name written first — holds the
 * family name and the last name the given name: 王 明 for 王明. Admin's labels say so (姓, 名).
 */
public final class PersonNames {

    private PersonNames() {
    }

    /** Puts the person's names into the Camunda user, family name first. */
    static void apply(User user, String familyName, String givenName) {
        user.setFirstName(familyName);
        user.setLastName(givenName);
    }

    /** Whether the Camunda user already holds these names in that order. */
    static boolean holds(User user, String familyName, String givenName) {
        return java.util.Objects.equals(user.getFirstName(), familyName)
                && java.util.Objects.equals(user.getLastName(), givenName);
    }

    /** The user's full name as it is written (王明), else the user id. */
    public static String fullName(User user) {
        String family = user.getFirstName() == null ? "" : user.getFirstName().trim();
        String given = user.getLastName() == null ? "" : user.getLastName().trim();
        String name = family + given;
        return name.isEmpty() ? user.getId() : name;
    }
}
