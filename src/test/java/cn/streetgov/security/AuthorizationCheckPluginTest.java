package cn.streetgov.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Grants only: REVOKE authorizations are refused, and a group's first grant counts at once. */
class AuthorizationCheckPluginTest extends ProcessTestSupport {

    static final String GROUP = "authz-probe-group";
    static final String USER = "authz-probe-user";

    @LocalServerPort
    int port;
    @Autowired
    AuthorizationService authorizations;

    @AfterEach
    void cleanUp() {
        authorizations.createAuthorizationQuery().groupIdIn(GROUP).list()
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        if (identityService.createUserQuery().userId(USER).count() > 0) {
            identityService.deleteUser(USER);
        }
        if (identityService.createGroupQuery().groupId(GROUP).count() > 0) {
            identityService.deleteGroup(GROUP);
        }
    }

    @Test
    void theEngineNeverLooksForRevokeAuthorizationsAndRefusesToCreateOne() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getAuthorizationCheckRevokes())
                .isEqualTo(ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_NEVER);

        Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setGroupId("street-office-S01");
        revoke.setResource(Resources.PROCESS_DEFINITION);
        revoke.setResourceId("power-delegation");
        revoke.removePermission(Permissions.READ);
        assertThatThrownBy(() -> authorizations.saveAuthorization(revoke))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("不使用拒绝（REVOKE）授权");

        Http.Response overRest = Http.as(port, "admin").postJson("/engine-rest/authorization/create", Map.of(
                "type", 2, "permissions", List.of("READ"), "groupId", "street-office-S01",
                "resourceType", 6, "resourceId", "power-delegation"));
        assertThat(overRest.status()).isEqualTo(400);
        assertThat(overRest.json().get("message").asText()).contains("不使用拒绝（REVOKE）授权");
        assertThat(authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count())
                .isZero();
    }

    @Test
    void aGroupsFirstGrantCountsAtOnce() {
        identityService.saveGroup(identityService.newGroup(GROUP));
        identityService.saveUser(identityService.newUser(USER));
        identityService.createMembership(USER, GROUP);
        // the node has read which groups hold authorizations (any check does); this group held none
        // (DELETE: everyone may READ process definitions through a global grant)
        assertThat(authorizations.isUserAuthorized(USER, List.of(GROUP), Permissions.DELETE, Resources.PROCESS_DEFINITION,
                "authz-probe-process")).isFalse();

        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(GROUP);
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId("authz-probe-process");
        grant.addPermission(Permissions.DELETE);
        authorizations.saveAuthorization(grant);

        assertThat(authorizations.isUserAuthorized(USER, List.of(GROUP), Permissions.DELETE, Resources.PROCESS_DEFINITION,
                "authz-probe-process")).isTrue();
    }
}
