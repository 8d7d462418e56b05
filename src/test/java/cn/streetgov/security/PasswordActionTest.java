package cn.streetgov.security;

import static cn.streetgov.security.IdentitySynchronizer.passwordAction;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.security.IdentitySynchronizer.PasswordAction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the identity synchronisation does with a password: every row of the table. */
class PasswordActionTest {

    @ParameterizedTest(name = "demo person {0}, stored {1}, demo passwords {2} -> {3}")
    @CsvSource(nullValues = "new", textBlock = """
            # demo person, stored password (new: user created now), demo passwords on, action
            true,  new,       true,  SET_DEMO
            true,  new,       false, SET_UNUSABLE
            false, new,       true,  SET_UNUSABLE
            false, new,       false, SET_UNUSABLE
            # while demo passwords are on, "demo" stays; once they are off, it goes - and only it
            true,  DEMO,      true,  KEEP
            true,  DEMO,      false, SET_UNUSABLE
            false, DEMO,      false, SET_UNUSABLE
            # a password someone set is never touched, demo passwords on or off
            true,  SET,       false, KEEP
            true,  SET,       true,  KEEP
            false, SET,       false, KEEP
            # the application's own unusable and one-time passwords stay until someone sets one
            true,  UNUSABLE,  true,  KEEP
            false, UNUSABLE,  false, KEEP
            false, GENERATED, false, KEEP
            # a user without any password gets an unusable one
            false, NONE,      true,  SET_UNUSABLE
            true,  NONE,      false, SET_UNUSABLE
            """)
    void passwordActions(boolean demoPerson, PasswordState stored, boolean demoPasswords, PasswordAction expected) {
        assertThat(passwordAction(demoPerson, stored, demoPasswords)).isEqualTo(expected);
    }
}
