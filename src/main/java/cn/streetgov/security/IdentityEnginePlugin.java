package cn.streetgov.security;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.USER;
import static org.camunda.bpm.engine.impl.util.EnsureUtil.ensureValidIndividualResourceId;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

/**
 * Identity rules the engine applies itself, whatever API is used:
 * <ul>
 *   <li>a new user may read their own account, not change or delete it (Camunda's default grants
 *       every new user ALL on themselves); users, groups and memberships are changed by
 *       administrators and by the synchronisation from the organisation model only;</li>
 *   <li>a password refused by the password policy is a bad request (400 with the reason over
 *       both engine APIs) instead of the engine's internal error (500);</li>
 *   <li>every change of users, groups, memberships or tenants empties the {@link LoginCache}, now and
 *       again when it commits.</li>
 * </ul>
 */
@Component
class IdentityEnginePlugin extends AbstractProcessEnginePlugin {

    /** The engine's message when {@code saveUser} meets a password that breaks the policy. */
    static final String ENGINE_POLICY_MESSAGE = "Password does not match policy";
    static final String POLICY_REFUSED = "密码不符合密码策略：至少 10 个字符，须包含大写字母、小写字母、数字和特殊字符"
            + "（如 !#%-_）各至少 1 个，且不得包含用户名、姓名或邮箱";

    /** The engine's commands that change who someone is, what groups they are in, or their password. */
    static final Set<String> IDENTITY_CHANGES = Set.of("SaveUserCmd", "DeleteUserCmd", "UnlockUserCmd",
            "SaveGroupCmd", "DeleteGroupCmd", "CreateMembershipCmd", "DeleteMembershipCmd", "SaveTenantCmd",
            "DeleteTenantCmd", "CreateTenantUserMembershipCmd", "CreateTenantGroupMembershipCmd",
            "DeleteTenantUserMembershipCmd", "DeleteTenantGroupMembershipCmd");

    private final LoginCache logins;

    IdentityEnginePlugin(LoginCache logins) {
        this.logins = logins;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new ReadOwnAccountAuthorizationProvider());
        // inside the command context, so that the engine logs the refusal as the bad request it is
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new PasswordPolicyRefusal());
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new ForgetLogins(logins));
    }

    /** Empties the login cache when an identity command runs, and once more after its transaction commits. */
    static class ForgetLogins extends CommandInterceptor {

        private final LoginCache logins;

        ForgetLogins(LoginCache logins) {
            this.logins = logins;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (!IDENTITY_CHANGES.contains(command.getClass().getSimpleName())) {
                return next.execute(command);
            }
            logins.clear();
            CommandContext context = Context.getCommandContext();
            if (context != null) {
                context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, c -> logins.clear());
            }
            return next.execute(command);
        }
    }

    /** Camunda's default authorizations, except that a new user only reads their own account. */
    static class ReadOwnAccountAuthorizationProvider extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newUser(User user) {
            ensureValidIndividualResourceId("Cannot create default authorization for user " + user.getId(),
                    user.getId());
            return new AuthorizationEntity[] {createGrantAuthorization(user.getId(), null, USER, user.getId(), READ)};
        }
    }

    /** Turns the engine's "Password does not match policy" into a 400 that says what the policy wants. */
    static class PasswordPolicyRefusal extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                if (command instanceof SaveUserCmd && !(e instanceof BadUserRequestException)
                        && ENGINE_POLICY_MESSAGE.equals(e.getMessage())) {
                    throw new BadUserRequestException(POLICY_REFUSED, e);
                }
                throw e;
            }
        }
    }
}
