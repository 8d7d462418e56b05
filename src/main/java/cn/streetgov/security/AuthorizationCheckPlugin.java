package cn.streetgov.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization checks without two queries it makes in every command (measured: 43 of
 * the ~1,000 statements of a delegation case each):
 * <ul>
 *   <li>"does any REVOKE authorization exist?" — we grant only: REVOKE (deny) authorizations are
 *       refused (400 with the reason) and the engine does not look for them
 *       ({@code authorizationCheckRevokes=never}); should an older database hold one, the engine keeps
 *       looking ("auto") and says so at start-up;</li>
 *   <li>"which groups have any authorization?" (to drop the others from each check) — read once and
 *       kept for this node, a group added as soon as this node gives it an authorization, read again every
 *       {@value #GROUPS_REFRESH_SECONDS} s for what other nodes add. Keeping more groups than needed
 *       only lengthens a query; a group that got its first authorization on another node in the last
 *       {@value #GROUPS_REFRESH_SECONDS} s is left out of checks on this one until then (every group of the
 *       organisation model has its grants from the identity synchronisation long before).</li>
 * </ul>
 */
@Component
class AuthorizationCheckPlugin extends AbstractProcessEnginePlugin {

    static final long GROUPS_REFRESH_SECONDS = 30;
    static final String REVOKE_REFUSED = "本系统只使用授予（GRANT）授权，不使用拒绝（REVOKE）授权：请删除或收窄相应的授予授权";
    private static final Logger log = LoggerFactory.getLogger(AuthorizationCheckPlugin.class);

    /** Group ids that have at least one authorization (a superset), and when they were last read. */
    static final class AuthorizedGroups {
        private volatile Set<String> groups;
        private volatile long readAt;

        Set<String> get(java.util.function.Supplier<List<String>> reader) {
            Set<String> current = groups;
            if (current == null || System.nanoTime() - readAt > GROUPS_REFRESH_SECONDS * 1_000_000_000L) {
                Set<String> read = ConcurrentHashMap.newKeySet();
                reader.get().stream().filter(java.util.Objects::nonNull).forEach(read::add);
                if (current != null) {
                    read.addAll(current); // a superset is safe: never drop what this node added meanwhile
                }
                readAt = System.nanoTime();
                groups = read;
                current = read;
            }
            return current;
        }

        void add(String groupId) {
            Set<String> current = groups;
            if (current != null && groupId != null) {
                current.add(groupId);
            }
        }
    }

    private final AuthorizedGroups authorizedGroups = new AuthorizedGroups();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineManagers.replace(configuration, AuthorizationManager.class, () -> new GrantOnlyAuthorizationManager(authorizedGroups));
        configuration.setAuthorizationCheckRevokes(ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_NEVER);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        long revokes = engine.getAuthorizationService().createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_REVOKE).count();
        if (revokes > 0) {
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                    .setAuthorizationCheckRevokes(ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_AUTO);
            log.warn("数据库中有 {} 条拒绝（REVOKE）授权：授权检查仍逐次查找拒绝授权（较慢）；删除它们并改用收窄的授予授权后重启即可", revokes);
        }
    }

    /** Camunda's manager, refusing REVOKE authorizations and answering the authorized groups from the node's set. */
    static final class GrantOnlyAuthorizationManager extends AuthorizationManager {

        private final AuthorizedGroups authorizedGroups;

        GrantOnlyAuthorizationManager(AuthorizedGroups authorizedGroups) {
            this.authorizedGroups = authorizedGroups;
        }

        @Override
        public void insert(DbEntity entity) {
            if (entity instanceof AuthorizationEntity authorization) {
                refuseRevoke(authorization);
                authorizedGroups.add(authorization.getGroupId());
            }
            super.insert(entity);
        }

        @Override
        public void update(AuthorizationEntity authorization) {
            refuseRevoke(authorization);
            authorizedGroups.add(authorization.getGroupId());
            super.update(authorization);
        }

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
                return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
            }
            Set<String> kept = new HashSet<>(authenticatedGroupIds);
            kept.retainAll(authorizedGroups.get(() -> getDbEntityManager().<String>selectList("selectAuthorizedGroupIds")));
            return new ArrayList<>(kept);
        }

        private static void refuseRevoke(AuthorizationEntity authorization) {
            if (authorization.getAuthorizationType() == AUTH_TYPE_REVOKE) {
                throw new BadUserRequestException(REVOKE_REFUSED);
            }
        }
    }
}
