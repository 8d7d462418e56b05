package cn.streetgov.security;

import cn.streetgov.org.GroupCatalog;
import cn.streetgov.org.GroupCatalog.GroupDefinition;
import cn.streetgov.org.domain.IdentityMirror;
import cn.streetgov.org.domain.Person;
import cn.streetgov.org.domain.PersonRepository;
import cn.streetgov.org.domain.Post;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes Camunda's users, groups and memberships a copy of the organisation model, which is the one
 * source of truth: creates what is missing, updates names, removes what the model no longer has.
 * Passwords stay with Camunda (set in Admin); demo users get "demo" while demo passwords are on;
 * once they are switched off, every password still equal to "demo" is replaced by an unusable
 * random one, and a password someone set is never touched ({@link #passwordAction}).
 * <p>
 * Runs in full at start-up ({@link #synchronize}); an administrator's change of the model
 * synchronises just what changed ({@link #organisationsChanged}, {@link #personChanged}).
 */
@Component
public class IdentitySynchronizer implements IdentityMirror {

    private static final Logger log = LoggerFactory.getLogger(IdentitySynchronizer.class);

    private final IdentityService identityService;
    private final GroupCatalog groupCatalog;
    private final PersonRepository persons;
    private final DemoProperties demo;
    private final Credentials credentials;
    private final AuthorizationSeeder authorizations;

    IdentitySynchronizer(IdentityService identityService, GroupCatalog groupCatalog, PersonRepository persons,
            DemoProperties demo, Credentials credentials, AuthorizationSeeder authorizations) {
        this.identityService = identityService;
        this.groupCatalog = groupCatalog;
        this.persons = persons;
        this.demo = demo;
        this.credentials = credentials;
        this.authorizations = authorizations;
    }

    public record Result(int groups, int users, int memberships, int changes) {
    }

    @Transactional
    public Result synchronize() {
        int changes = syncGroups();
        List<Person> people = persons.findAllByOrderByUsernameAsc().stream().filter(Person::isActive).toList();
        changes += syncUsers(people);
        int[] memberships = syncMemberships(people);
        changes += memberships[1];
        Result result = new Result((int) identityService.createGroupQuery().count(), people.size(),
                memberships[0], changes);
        log.info("身份同步完成: {} 个组, {} 名用户, {} 条成员关系, {} 处变更",
                result.groups(), result.users(), result.memberships(), result.changes());
        return result;
    }

    /**
     * The groups of the model; when a group is new, the authorizations too (a new street's groups
     * may use Tasklist and start its processes without a restart).
     */
    @Override
    @Transactional
    public int organisationsChanged() {
        Set<String> before = identityService.createGroupQuery().list().stream().map(Group::getId)
                .collect(Collectors.toSet());
        int changes = syncGroups();
        if (groupCatalog.all().stream().anyMatch(group -> !before.contains(group.id()))) {
            authorizations.seed();
        }
        log.info("身份同步（组织机构变更）: {} 处组变更", changes);
        return changes;
    }

    /** One person: their user (removed when the person is inactive or gone) and memberships. */
    @Override
    @Transactional
    public int personChanged(String username) {
        Person person = persons.findById(username).filter(Person::isActive).orElse(null);
        int changes;
        if (person == null) {
            changes = 0;
            if (identityService.createUserQuery().userId(username).count() > 0) {
                identityService.deleteUser(username);
                credentials.forget(username);
                changes = 1;
            }
        } else {
            User user = identityService.createUserQuery().userId(username).singleResult();
            changes = updateUser(person, user, demo.passwords()) ? 1 : 0;
            changes += syncMemberships(username,
                    person.getPosts().stream().map(Post::groupId).collect(Collectors.toSet()));
        }
        log.info("身份同步（人员 {}）: {} 处变更", username, changes);
        return changes;
    }

    private int syncGroups() {
        int changes = 0;
        Map<String, GroupDefinition> wanted = groupCatalog.all().stream()
                .collect(Collectors.toMap(GroupDefinition::id, g -> g));
        Map<String, Group> existing = identityService.createGroupQuery().list().stream()
                .collect(Collectors.toMap(Group::getId, g -> g));
        for (GroupDefinition def : wanted.values()) {
            Group group = existing.get(def.id());
            if (group == null) {
                group = identityService.newGroup(def.id());
            } else if (Objects.equals(group.getName(), def.name()) && Objects.equals(group.getType(), def.type())) {
                continue;
            }
            group.setName(def.name());
            group.setType(def.type());
            identityService.saveGroup(group);
            changes++;
        }
        for (String id : existing.keySet()) {
            if (!wanted.containsKey(id)) {
                identityService.deleteGroup(id);
                changes++;
            }
        }
        return changes;
    }

    private int syncUsers(List<Person> people) {
        int changes = updateUsers(people, demo.passwords());
        Set<String> wanted = people.stream().map(Person::getUsername).collect(Collectors.toSet());
        for (User user : identityService.createUserQuery().list()) {
            if (!wanted.contains(user.getId())) {
                identityService.deleteUser(user.getId());
                credentials.forget(user.getId());
                changes++;
            }
        }
        return changes;
    }

    /**
     * Creates or updates the Camunda users of {@code people} (names, and the password where
     * {@link #passwordAction} says so); leaves every other user alone. Returns the number of users saved.
     */
    @Transactional
    int updateUsers(List<Person> people, boolean demoPasswords) {
        int changes = 0;
        Map<String, User> existing = identityService.createUserQuery().list().stream()
                .collect(Collectors.toMap(User::getId, u -> u));
        for (Person person : people) {
            if (updateUser(person, existing.get(person.getUsername()), demoPasswords)) {
                changes++;
            }
        }
        return changes;
    }

    /** Creates ({@code user} null) or updates the person's Camunda user; returns whether it saved anything. */
    private boolean updateUser(Person person, User user, boolean demoPasswords) {
        boolean isNew = user == null;
        if (isNew) {
            user = identityService.newUser(person.getUsername());
        }
        boolean namesChanged = isNew
                || !PersonNames.holds(user, person.getFamilyName(), person.getGivenName())
                || !Objects.equals(user.getEmail(), person.getEmail());
        PersonNames.apply(user, person.getFamilyName(), person.getGivenName());
        user.setEmail(person.getEmail());
        PasswordState current = isNew ? null : credentials.stateOf(user);
        PasswordAction action = passwordAction(person.hasDemoCredentials(), current, demoPasswords);
        switch (action) {
            case SET_DEMO -> credentials.save(user, DemoProperties.DEMO_PASSWORD, PasswordState.DEMO);
            case SET_UNUSABLE -> {
                credentials.save(user, Credentials.unusablePassword(), PasswordState.UNUSABLE);
                person.setDemoCredentials(false);
            }
            case KEEP -> {
                if (namesChanged) {
                    identityService.saveUser(user);
                }
            }
        }
        return namesChanged || action != PasswordAction.KEEP;
    }

    enum PasswordAction { KEEP, SET_DEMO, SET_UNUSABLE }

    /**
     * What the synchronisation does with a user's password, given whether the person is a demo
     * person, what the stored password is ({@code null}: the user is new) and whether demo
     * passwords are on. Demo persons start with "demo" while demo passwords are on; everyone else
     * starts with an unusable password until an administrator sets one (or the first-administrator
     * path does). With demo passwords off, a password still equal to "demo" is replaced by an
     * unusable one — and nothing else is: a password someone set is never touched.
     */
    static PasswordAction passwordAction(boolean demoPerson, PasswordState current, boolean demoPasswords) {
        if (current == null) {
            return demoPerson && demoPasswords ? PasswordAction.SET_DEMO : PasswordAction.SET_UNUSABLE;
        }
        return switch (current) {
            case NONE -> PasswordAction.SET_UNUSABLE;
            case DEMO -> demoPasswords ? PasswordAction.KEEP : PasswordAction.SET_UNUSABLE;
            case UNUSABLE, GENERATED, SET -> PasswordAction.KEEP;
        };
    }

    /** Returns {membership count, changes}. */
    private int[] syncMemberships(List<Person> people) {
        int changes = 0;
        int count = 0;
        Map<String, Set<String>> wanted = new HashMap<>();
        for (Person person : people) {
            wanted.put(person.getUsername(),
                    person.getPosts().stream().map(Post::groupId).collect(Collectors.toSet()));
        }
        for (Map.Entry<String, Set<String>> entry : wanted.entrySet()) {
            changes += syncMemberships(entry.getKey(), entry.getValue());
            count += entry.getValue().size();
        }
        return new int[] {count, changes};
    }

    /** Makes the user a member of exactly the wanted groups; returns the number of changes. */
    private int syncMemberships(String userId, Set<String> wantedGroups) {
        int changes = 0;
        Set<String> current = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        for (String groupId : wantedGroups) {
            if (!current.contains(groupId)) {
                identityService.createMembership(userId, groupId);
                changes++;
            }
        }
        for (String groupId : current) {
            if (!wantedGroups.contains(groupId)) {
                identityService.deleteMembership(userId, groupId);
                changes++;
            }
        }
        return changes;
    }
}
