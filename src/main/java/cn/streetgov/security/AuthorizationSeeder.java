package cn.streetgov.security;

import cn.streetgov.casework.ProcessStarters;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import cn.streetgov.org.GroupCatalog;
import cn.streetgov.org.GroupCatalog.GroupDefinition;
import cn.streetgov.org.domain.PostRole;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authorizations every installation needs, created idempotently at start-up:
 * <ul>
 *   <li>every workflow group may open Tasklist and read the process models (not the cases);</li>
 *   <li>each workflow's starter groups may start that process ({@link ProcessStarters});</li>
 *   <li>auditors may read every case, task and decision in Tasklist and Cockpit, and write nothing;</li>
 *   <li>task access comes from the engine: a task's candidate groups get READ and TASK_WORK on it.</li>
 * </ul>
 * Deployments, filters, users, groups and authorizations stay with {@code camunda-admin}, who holds
 * every permission: everyone else keeps at most READ on users, groups, memberships and tenants
 * ({@link #restrictIdentityGrants()}).
 */
@Component
public class AuthorizationSeeder {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationSeeder.class);

    static final String AUDITOR = PostRole.AUDITOR.groupId(null);
    static final String ADMIN = PostRole.ADMIN.groupId(null);

    /** What only administrators change: users, groups, memberships, tenants. */
    static final List<Resources> IDENTITY = List.of(Resources.USER, Resources.GROUP, Resources.GROUP_MEMBERSHIP,
            Resources.TENANT, Resources.TENANT_MEMBERSHIP);

    private final AuthorizationService authorizations;
    private final GroupCatalog groupCatalog;
    private final List<ProcessStarters> starters;

    AuthorizationSeeder(AuthorizationService authorizations, GroupCatalog groupCatalog, List<ProcessStarters> starters) {
        this.authorizations = authorizations;
        this.groupCatalog = groupCatalog;
        this.starters = starters;
    }

    @Transactional
    public int seed() {
        int created = 0;
        // everyone who logs in may read the process and decision models (Tasklist shows diagrams)
        created += global(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ);
        created += global(Resources.DECISION_DEFINITION, Permissions.READ);
        // starting is checked per definition (CREATE_INSTANCE); creating the instance itself is global
        created += global(Resources.PROCESS_INSTANCE, Permissions.CREATE);
        for (GroupDefinition group : groupCatalog.all()) {
            if (GroupCatalog.TYPE_WORKFLOW.equals(group.type())) {
                created += grant(group.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            }
        }
        for (ProcessStarters starter : starters) {
            for (String groupId : starter.starterGroups()) {
                created += grant(groupId, Resources.PROCESS_DEFINITION, starter.processKey(),
                        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
            }
        }
        // administrators: everything, on every resource type (what Camunda's own admin setup grants)
        for (Resources resource : Resources.values()) {
            created += grant(ADMIN, resource, ANY, Permissions.ALL);
        }
        created += grant(AUDITOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        created += grant(AUDITOR, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        created += grant(AUDITOR, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        created += grant(AUDITOR, Resources.TASK, ANY, Permissions.READ);
        created += grant(AUDITOR, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        created += grant(AUDITOR, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        created += grant(AUDITOR, Resources.DEPLOYMENT, ANY, Permissions.READ);
        created += grant(AUDITOR, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
        created += grant(AUDITOR, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
        int restricted = restrictIdentityGrants();
        log.info("授权初始化完成: 新建 {} 条授权, 收回 {} 条账户修改权限", created, restricted);
        return created;
    }

    /**
     * Reduces every grant on users, groups, memberships and tenants held by anyone but the
     * administrators to READ (or removes it): earlier installations gave each user ALL on their own
     * account (Camunda's default), which let an official rename or delete themselves.
     */
    @Transactional
    public int restrictIdentityGrants() {
        int changed = 0;
        for (Resources resource : IDENTITY) {
            for (Authorization auth : authorizations.createAuthorizationQuery().resourceType(resource).list()) {
                if (auth.getAuthorizationType() == AUTH_TYPE_REVOKE || ADMIN.equals(auth.getGroupId())) {
                    continue;
                }
                boolean beyondRead = Arrays.stream(auth.getPermissions(Permissions.values()))
                        .anyMatch(p -> p != Permissions.READ && p != Permissions.NONE);
                if (!beyondRead) {
                    continue;
                }
                if (auth.isPermissionGranted(Permissions.READ)) {
                    auth.setPermissions(new Permission[] {Permissions.READ});
                    authorizations.saveAuthorization(auth);
                } else {
                    authorizations.deleteAuthorization(auth.getId());
                }
                changed++;
            }
        }
        return changed;
    }

    private int global(Resource resource, Permission permission) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GLOBAL).resourceType(resource).resourceId(ANY).singleResult();
        Authorization auth = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
        auth.setUserId(ANY);
        auth.setResource(resource);
        auth.setResourceId(ANY);
        if (existing != null && auth.isPermissionGranted(permission)) {
            return 0;
        }
        auth.addPermission(permission);
        authorizations.saveAuthorization(auth);
        return 1;
    }

    private int grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization auth = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        auth.setGroupId(groupId);
        auth.setResource(resource);
        auth.setResourceId(resourceId);
        boolean missing = existing == null;
        for (Permission permission : permissions) {
            if (!auth.isPermissionGranted(permission)) {
                auth.addPermission(permission);
                missing = true;
            }
        }
        if (!missing) {
            return 0;
        }
        authorizations.saveAuthorization(auth);
        return 1;
    }
}
