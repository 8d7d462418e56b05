package cn.streetgov.security;

import cn.streetgov.org.domain.Person;
import cn.streetgov.org.domain.PersonRepository;
import cn.streetgov.org.domain.PostRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure an installation always has an administrator who can log in, without ever resetting a
 * password someone set:
 * <ol>
 *   <li>an organisation model without any administrator gets one ({@code app.admin.username});</li>
 *   <li>administrators without a usable password get {@code APP_ADMIN_INITIAL_PASSWORD}, once: the
 *       application remembers in {@code ACT_GE_PROPERTY} ({@value #INITIAL_PASSWORD_APPLIED}) that it
 *       applied it, so a restart with the variable still set changes nothing;</li>
 *   <li>when still no administrator can log in, the first one gets a random one-time password,
 *       written once to the log at WARN.</li>
 * </ol>
 */
@Component
public class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    static final String INITIAL_PASSWORD_APPLIED = "app.admin.initial-password-applied";
    static final String ADMIN_GROUP = PostRole.ADMIN.groupId(null);

    /** What {@link #ensureCanLogIn} found or did. */
    enum Outcome { ADMINISTRATOR_CAN_LOG_IN, INITIAL_PASSWORD_APPLIED, ONE_TIME_PASSWORD_GENERATED, NO_ADMINISTRATOR }

    private final AdminProperties properties;
    private final DemoProperties demo;
    private final PersonRepository persons;
    private final IdentityService identityService;
    private final ManagementService managementService;
    private final Credentials credentials;

    FirstAdministrator(AdminProperties properties, DemoProperties demo, PersonRepository persons,
            IdentityService identityService, ManagementService managementService, Credentials credentials) {
        this.properties = properties;
        this.demo = demo;
        this.persons = persons;
        this.identityService = identityService;
        this.managementService = managementService;
        this.credentials = credentials;
    }

    /** Adds the administrator {@code app.admin.username} to an organisation model that has none. */
    @Transactional
    public boolean ensureInModel() {
        return ensureInModel(properties.username());
    }

    @Transactional
    boolean ensureInModel(String username) {
        boolean hasAdministrator = persons.findAllByOrderByUsernameAsc().stream()
                .filter(Person::isActive).anyMatch(FirstAdministrator::isAdministrator);
        if (hasAdministrator) {
            return false;
        }
        if (persons.existsById(username)) {
            log.error("组织机构模型中没有在职的系统管理员，且用户名 {} 已被占用：请在组织机构模型中为一名人员设置系统管理员岗位",
                    username);
            return false;
        }
        Person admin = new Person(username, "系统", "管理员", null);
        admin.addPost(PostRole.ADMIN, null, "系统管理员");
        persons.save(admin);
        log.warn("组织机构模型中没有系统管理员：已创建系统管理员 {}", username);
        return true;
    }

    /** The administrators of the organisation model, after the identity synchronisation. */
    @Transactional
    public Outcome ensureCanLogIn() {
        List<String> administrators = persons.findAllByOrderByUsernameAsc().stream()
                .filter(Person::isActive).filter(FirstAdministrator::isAdministrator)
                .map(Person::getUsername).toList();
        return ensureCanLogIn(administrators, properties.initialPasswordOrNull(), demo.passwords());
    }

    @Transactional
    Outcome ensureCanLogIn(List<String> administrators, String initialPassword, boolean demoPasswords) {
        List<User> users = new ArrayList<>();
        for (String id : administrators) {
            User user = identityService.createUserQuery().userId(id).singleResult();
            if (user != null) {
                users.add(user);
            }
        }
        if (users.isEmpty()) {
            log.error("没有系统管理员账户：无法保证管理员可以登录");
            return Outcome.NO_ADMINISTRATOR;
        }
        if (initialPassword != null && !managementService.getProperties().containsKey(INITIAL_PASSWORD_APPLIED)) {
            List<String> applied = new ArrayList<>();
            for (User user : users) {
                PasswordState state = credentials.stateOf(user);
                // a one-time password nobody changed yet counts as none: the variable is the way back in
                if (!state.usable(demoPasswords) || state == PasswordState.GENERATED) {
                    setInitialPassword(user, initialPassword);
                    applied.add(user.getId());
                }
            }
            if (!applied.isEmpty()) {
                managementService.setProperty(INITIAL_PASSWORD_APPLIED, truncate(Instant.now() + " " + applied));
                log.warn("已将 APP_ADMIN_INITIAL_PASSWORD 设为系统管理员 {} 的初始密码（只应用这一次）：请登录后立即修改密码，"
                        + "并从环境中删除该变量", applied);
                return Outcome.INITIAL_PASSWORD_APPLIED;
            }
        }
        if (users.stream().anyMatch(user -> credentials.stateOf(user).usable(demoPasswords))) {
            return Outcome.ADMINISTRATOR_CAN_LOG_IN;
        }
        User first = users.get(0);
        String oneTime = credentials.oneTimePassword(first);
        credentials.save(first, oneTime, PasswordState.GENERATED);
        log.warn("没有可以登录的系统管理员，且未设置 APP_ADMIN_INITIAL_PASSWORD：已为系统管理员 {} 生成一次性密码: {} "
                + "（只在此处出现一次；请立即登录 Camunda Admin 修改密码）", first.getId(), oneTime);
        return Outcome.ONE_TIME_PASSWORD_GENERATED;
    }

    private void setInitialPassword(User user, String password) {
        try {
            credentials.save(user, password, PasswordState.SET);
        } catch (BadUserRequestException e) {
            throw new IllegalStateException("APP_ADMIN_INITIAL_PASSWORD 未被应用：" + e.getMessage(), e);
        }
    }

    private static boolean isAdministrator(Person person) {
        return person.getPosts().stream().anyMatch(post -> ADMIN_GROUP.equals(post.groupId()));
    }

    private static String truncate(String value) {
        return value.length() <= 300 ? value : value.substring(0, 297) + "...";
    }
}
