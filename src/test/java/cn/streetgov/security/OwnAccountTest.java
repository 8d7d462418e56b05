package cn.streetgov.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Only administrators edit or delete Camunda users, groups and memberships — an official not even their own. */
class OwnAccountTest extends ProcessTestSupport {

    static final String OFFICIAL = "s01-off";

    @LocalServerPort
    int port;
    @Autowired
    IdentitySynchronizer synchronizer;
    @Autowired
    AuthorizationSeeder authorizationSeeder;
    @Autowired
    AuthorizationService authorizationService;

    @AfterEach
    void restoreIdentity() {
        synchronizer.synchronize(); // repairs whatever a failing run changed
        authorizationSeeder.restrictIdentityGrants();
    }

    @Test
    void anOfficialCanNeitherEditNorDeleteTheirOwnAccountOverHttp() {
        User before = identityService.createUserQuery().userId(OFFICIAL).singleResult();
        Http official = Http.as(port, OFFICIAL);
        assertThat(official.putJson("/engine-rest/user/" + OFFICIAL + "/profile",
                Map.of("id", OFFICIAL, "firstName", "改", "lastName", "名", "email", "x@evil.invalid")).status())
                .isEqualTo(403);
        assertThat(official.delete("/engine-rest/user/" + OFFICIAL).status()).isEqualTo(403);
        assertThat(official.putJson("/engine-rest/user/" + OFFICIAL + "/credentials",
                Map.of("password", "Neues-2026-Passwort", "authenticatedUserPassword", "demo")).status())
                .isEqualTo(403);
        assertThat(identityService.checkPassword(OFFICIAL, "demo")).isTrue();
        User after = identityService.createUserQuery().userId(OFFICIAL).singleResult();
        assertThat(after).isNotNull();
        assertThat(after.getFirstName()).isEqualTo(before.getFirstName());
        assertThat(after.getLastName()).isEqualTo(before.getLastName());
        assertThat(after.getEmail()).isEqualTo(before.getEmail());
    }

    @Test
    void theEngineItselfRefusesAnOfficialWhoEditsOrDeletesTheirOwnAccount() {
        as(OFFICIAL, () -> {
            User self = identityService.createUserQuery().userId(OFFICIAL).singleResult();
            self.setFirstName("改");
            assertThatThrownBy(() -> identityService.saveUser(self)).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> identityService.deleteUser(OFFICIAL)).isInstanceOf(AuthorizationException.class);
            return null;
        });
        assertThat(identityService.createUserQuery().userId(OFFICIAL).singleResult().getFirstName()).isNotEqualTo("改");
    }

    @Test
    void theEngineRefusesAnOfficialWhoChangesTheirGroupOrMemberships() {
        as(OFFICIAL, () -> {
            Group own = identityService.createGroupQuery().groupId("street-office-S01").singleResult();
            assertThat(own).as("an official still reads their own group").isNotNull();
            own.setName("改");
            assertThatThrownBy(() -> identityService.saveGroup(own)).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> identityService.createMembership(OFFICIAL, "camunda-admin"))
                    .isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> identityService.deleteMembership(OFFICIAL, "street-office-S01"))
                    .isInstanceOf(AuthorizationException.class);
            return null;
        });
    }

    @Test
    void nobodyButAdministratorsHoldsMoreThanReadOnUsersGroupsOrMemberships() {
        for (Resources resource : AuthorizationSeeder.IDENTITY) {
            for (Authorization auth : authorizationService.createAuthorizationQuery().resourceType(resource).list()) {
                if (auth.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE
                        || "camunda-admin".equals(auth.getGroupId())) {
                    continue;
                }
                assertThat(auth.getPermissions(Permissions.values()))
                        .as("%s of %s on %s %s", List.of(auth.getPermissions(Permissions.values())),
                                auth.getUserId() != null ? auth.getUserId() : auth.getGroupId(), resource,
                                auth.getResourceId())
                        .allMatch(p -> p == Permissions.READ || p == Permissions.NONE);
            }
        }
        // an official still reads their own account (Tasklist shows their name)
        assertThat(authorizationService.isUserAuthorized(OFFICIAL, List.of("street-office-S01"), Permissions.READ,
                Resources.USER, OFFICIAL)).isTrue();
    }

    @Test
    void theSelfGrantsOfEarlierInstallationsAreReducedToReadAtStartUp() {
        Authorization own = authorizationService.createAuthorizationQuery().userIdIn(OFFICIAL)
                .resourceType(Resources.USER).resourceId(OFFICIAL).singleResult();
        own.setPermissions(new Permission[] {Permissions.ALL}); // what Camunda's default gave every new user
        authorizationService.saveAuthorization(own);
        assertThat(authorizationService.isUserAuthorized(OFFICIAL, List.of(), Permissions.DELETE, Resources.USER,
                OFFICIAL)).isTrue();

        assertThat(authorizationSeeder.restrictIdentityGrants()).isEqualTo(1);

        assertThat(authorizationService.isUserAuthorized(OFFICIAL, List.of(), Permissions.DELETE, Resources.USER,
                OFFICIAL)).isFalse();
        assertThat(authorizationService.isUserAuthorized(OFFICIAL, List.of(), Permissions.READ, Resources.USER,
                OFFICIAL)).isTrue();
        assertThat(authorizationSeeder.restrictIdentityGrants()).isZero();
    }
}
