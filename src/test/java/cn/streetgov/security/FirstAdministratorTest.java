package cn.streetgov.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.org.domain.Person;
import cn.streetgov.org.domain.PersonRepository;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.security.FirstAdministrator.Outcome;
import cn.streetgov.test.ProcessTestSupport;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The start-up path of a real installation, on stand-in people (the shared application keeps its
 * demo passwords): demo passwords switched off replace only "demo", and an administrator can
 * always log in — with APP_ADMIN_INITIAL_PASSWORD, applied once, or a one-time password in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest extends ProcessTestSupport {

    static final String DEMO_KEPT = "tmp-demo1";
    static final String DEMO_CHANGED = "tmp-demo2";
    static final String ADMIN = "tmp-admin";
    static final String INITIAL = "Erst-2026-Passwort";
    static final Pattern ONE_TIME = Pattern.compile("WARN.*生成一次性密码: (\\S+)");

    @Autowired
    IdentitySynchronizer synchronizer;
    @Autowired
    FirstAdministrator firstAdministrator;
    @Autowired
    PersonRepository persons;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        for (String id : List.of(DEMO_KEPT, DEMO_CHANGED, ADMIN)) {
            identityService.deleteUser(id);
            identityService.deleteUserInfo(id, Credentials.MARKER_KEY);
        }
        managementService.deleteProperty(FirstAdministrator.INITIAL_PASSWORD_APPLIED);
    }

    @Test
    void switchingDemoPasswordsOffReplacesOnlyPasswordsStillEqualToDemo() {
        List<Person> people = List.of(demoPerson(DEMO_KEPT), demoPerson(DEMO_CHANGED));
        synchronizer.updateUsers(people, true);
        setPassword(DEMO_CHANGED, "Geaendert-2026-x"); // the administrator set a real password

        synchronizer.updateUsers(people, false);

        assertThat(attempts(DEMO_KEPT)).as("no failed login counted").isZero();
        assertThat(attempts(DEMO_CHANGED)).as("no failed login counted").isZero();
        assertThat(identityService.checkPassword(DEMO_CHANGED, "Geaendert-2026-x")).isTrue();
        assertThat(identityService.checkPassword(DEMO_KEPT, "demo")).isFalse();
        assertThat(people.get(0).hasDemoCredentials()).isFalse();
        assertThat(synchronizer.updateUsers(people, false)).as("a second run changes nothing").isZero();
        // switching demo passwords on again does not bring "demo" back
        assertThat(synchronizer.updateUsers(people, true)).isZero();
    }

    @Test
    void theInitialPasswordIsAppliedOnceAndNeverResetsAChangedPassword(CapturedOutput output) {
        synchronizer.updateUsers(List.of(person(ADMIN)), false);
        assertThat(firstAdministrator.ensureCanLogIn(List.of(ADMIN), INITIAL, false))
                .isEqualTo(Outcome.INITIAL_PASSWORD_APPLIED);
        assertThat(identityService.checkPassword(ADMIN, INITIAL)).isTrue();
        assertThat(output.getAll()).doesNotContain(INITIAL);

        setPassword(ADMIN, "Spaeter-2026-x");
        assertThat(firstAdministrator.ensureCanLogIn(List.of(ADMIN), INITIAL, false))
                .isEqualTo(Outcome.ADMINISTRATOR_CAN_LOG_IN);
        assertThat(identityService.checkPassword(ADMIN, "Spaeter-2026-x")).isTrue();

        // even when the administrator has no usable password again, the variable is not used twice
        identityService.deleteUser(ADMIN); // e.g. removed from the model and added again
        synchronizer.updateUsers(List.of(person(ADMIN)), false);
        assertThat(firstAdministrator.ensureCanLogIn(List.of(ADMIN), INITIAL, false))
                .isEqualTo(Outcome.ONE_TIME_PASSWORD_GENERATED);
        assertThat(identityService.checkPassword(ADMIN, INITIAL)).isFalse();
    }

    @Test
    void withoutAnInitialPasswordAnAdministratorWhoCannotLogInGetsAOneTimePasswordInTheLog(CapturedOutput output) {
        synchronizer.updateUsers(List.of(person(ADMIN)), false);
        assertThat(firstAdministrator.ensureCanLogIn(List.of(ADMIN), null, false))
                .isEqualTo(Outcome.ONE_TIME_PASSWORD_GENERATED);
        Matcher logged = ONE_TIME.matcher(output.getAll());
        assertThat(logged.find()).isTrue();
        String oneTime = logged.group(1);
        assertThat(identityService.checkPasswordAgainstPolicy(oneTime).isValid()).isTrue();

        // logged once: the next start leaves it alone
        assertThat(firstAdministrator.ensureCanLogIn(List.of(ADMIN), null, false))
                .isEqualTo(Outcome.ADMINISTRATOR_CAN_LOG_IN);
        assertThat(ONE_TIME.matcher(output.getAll()).results().count()).isOne();
        assertThat(identityService.checkPassword(ADMIN, oneTime)).isTrue();

        // lost the log line? the initial password replaces a one-time password nobody changed
        assertThat(firstAdministrator.ensureCanLogIn(List.of(ADMIN), INITIAL, false))
                .isEqualTo(Outcome.INITIAL_PASSWORD_APPLIED);
        assertThat(identityService.checkPassword(ADMIN, INITIAL)).isTrue();
    }

    @Test
    void aWeakInitialPasswordStopsTheStartWithTheReason() {
        synchronizer.updateUsers(List.of(person(ADMIN)), false);
        assertThatThrownBy(() -> firstAdministrator.ensureCanLogIn(List.of(ADMIN), "admin123", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("APP_ADMIN_INITIAL_PASSWORD").hasMessageContaining("密码策略");
        assertThat(managementService.getProperties()).doesNotContainKey(FirstAdministrator.INITIAL_PASSWORD_APPLIED);
    }

    @Test
    void anAdministratorWhoCanLogInIsLeftAlone(CapturedOutput output) {
        synchronizer.updateUsers(List.of(demoPerson(ADMIN)), true);
        assertThat(firstAdministrator.ensureCanLogIn(List.of(ADMIN), INITIAL, true))
                .isEqualTo(Outcome.ADMINISTRATOR_CAN_LOG_IN);
        assertThat(identityService.checkPassword(ADMIN, "demo")).isTrue();
        assertThat(output.getAll()).doesNotContain("生成一次性密码");
        // the shared demo application itself: its administrator logs in with "demo"
        assertThat(firstAdministrator.ensureCanLogIn()).isEqualTo(Outcome.ADMINISTRATOR_CAN_LOG_IN);
    }

    @Test
    void anOrganisationModelWithoutAdministratorGetsOne() {
        assertThat(firstAdministrator.ensureInModel(ADMIN)).as("the demo model has one").isFalse();
        jdbc.update("update org_person set active = false where username = 'admin'");
        try {
            assertThat(firstAdministrator.ensureInModel(ADMIN)).isTrue();
            Person created = persons.findById(ADMIN).orElseThrow();
            assertThat(created.getPosts()).singleElement()
                    .satisfies(post -> assertThat(post.getRole()).isEqualTo(PostRole.ADMIN));
            assertThat(created.hasDemoCredentials()).isFalse();
        } finally {
            persons.deleteById(ADMIN);
            jdbc.update("update org_person set active = true where username = 'admin'");
        }
    }

    private static Person demoPerson(String username) {
        Person person = person(username);
        person.setDemoCredentials(true);
        return person;
    }

    private static Person person(String username) {
        return new Person(username, "测", "试", null);
    }

    private void setPassword(String userId, String password) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        user.setPassword(password);
        identityService.saveUser(user);
    }

    private int attempts(String userId) {
        return ((UserEntity) identityService.createUserQuery().userId(userId).singleResult()).getAttempts();
    }
}
