package cn.streetgov.security;

import static cn.streetgov.security.IdentitySynchronizer.PasswordAction.KEEP;
import static cn.streetgov.security.IdentitySynchronizer.PasswordAction.SET_DEMO;
import static cn.streetgov.security.IdentitySynchronizer.PasswordAction.SET_UNUSABLE;
import static cn.streetgov.security.IdentitySynchronizer.passwordAction;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordActionTest {

    @Test
    void demoUsersGetTheDemoPasswordOnlyWhileDemoPasswordsAreOn() {
        assertThat(passwordAction(true, true, true)).isEqualTo(SET_DEMO);
        assertThat(passwordAction(true, false, true)).isEqualTo(KEEP);
    }

    @Test
    void switchingDemoPasswordsOffReplacesThemAtOnce() {
        assertThat(passwordAction(true, true, false)).isEqualTo(SET_UNUSABLE);
        assertThat(passwordAction(true, false, false)).isEqualTo(SET_UNUSABLE);
    }

    @Test
    void realPeopleStartWithoutAUsablePasswordAndKeepTheirsLater() {
        assertThat(passwordAction(false, true, true)).isEqualTo(SET_UNUSABLE);
        assertThat(passwordAction(false, true, false)).isEqualTo(SET_UNUSABLE);
        assertThat(passwordAction(false, false, true)).isEqualTo(KEEP);
        assertThat(passwordAction(false, false, false)).isEqualTo(KEEP);
    }
}
