package cn.streetgov.security;

import cn.streetgov.org.GroupCatalog;
import cn.streetgov.org.GroupCatalog.GroupDefinition;
import cn.streetgov.org.domain.Person;
import cn.streetgov.org.domain.PersonRepository;
import cn.streetgov.org.domain.Post;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes Camunda's users, groups and memberships a copy of the organisation model, which is the one
 * source of truth: creates what is missing, updates names, removes what the model no longer has.
 * Passwords stay with Camunda (set in Admin); demo users get "demo" while demo passwords are on,
 * and an unusable random password as soon as they are switched off.
 */
@Component
public class IdentitySynchronizer {

    private static final Logger log = LoggerFactory.getLogger(IdentitySynchronizer.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityService identityService;
    private final GroupCatalog groupCatalog;
    private final PersonRepository persons;
    private final DemoProperties demo;

    IdentitySynchronizer(IdentityService identityService, GroupCatalog groupCatalog, PersonRepository persons,
            DemoProperties demo) {
        this.identityService = identityService;
        this.groupCatalog = groupCatalog;
        this.persons = persons;
        this.demo = demo;
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
        int changes = 0;
        Map<String, User> existing = identityService.createUserQuery().list().stream()
                .collect(Collectors.toMap(User::getId, u -> u));
        Set<String> wanted = new HashSet<>();
        for (Person person : people) {
            wanted.add(person.getUsername());
            User user = existing.get(person.getUsername());
            boolean isNew = user == null;
            if (isNew) {
                user = identityService.newUser(person.getUsername());
            }
            boolean namesChanged = isNew
                    || !Objects.equals(user.getFirstName(), person.getGivenName())
                    || !Objects.equals(user.getLastName(), person.getFamilyName())
                    || !Objects.equals(user.getEmail(), person.getEmail());
            PasswordAction action = passwordAction(person.hasDemoCredentials(), isNew, demo.passwords());
            boolean passwordChanged = action != PasswordAction.KEEP;
            if (action == PasswordAction.SET_DEMO) {
                user.setPassword(DemoProperties.DEMO_PASSWORD);
            } else if (action == PasswordAction.SET_UNUSABLE) {
                user.setPassword(unusablePassword());
                person.setDemoCredentials(false);
            }
            if (namesChanged || passwordChanged) {
                user.setFirstName(person.getGivenName());
                user.setLastName(person.getFamilyName());
                user.setEmail(person.getEmail());
                // the demo password and the unusable random one are ours: the password policy is for people
                ((IdentityServiceImpl) identityService).saveUser(user, passwordChanged);
                changes++;
            }
        }
        for (String id : existing.keySet()) {
            if (!wanted.contains(id)) {
                identityService.deleteUser(id);
                changes++;
            }
        }
        return changes;
    }

    enum PasswordAction { KEEP, SET_DEMO, SET_UNUSABLE }

    /**
     * Demo users get "demo" when created while demo passwords are on, and lose it as soon as they
     * are off; a new real person gets an unusable password until an administrator sets one.
     */
    static PasswordAction passwordAction(boolean demoCredentials, boolean isNew, boolean demoPasswordsEnabled) {
        if (demoCredentials) {
            if (!demoPasswordsEnabled) {
                return PasswordAction.SET_UNUSABLE;
            }
            return isNew ? PasswordAction.SET_DEMO : PasswordAction.KEEP;
        }
        return isNew ? PasswordAction.SET_UNUSABLE : PasswordAction.KEEP;
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
            String userId = entry.getKey();
            Set<String> current = identityService.createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId).collect(Collectors.toSet());
            for (String groupId : entry.getValue()) {
                if (!current.contains(groupId)) {
                    identityService.createMembership(userId, groupId);
                    changes++;
                }
            }
            for (String groupId : current) {
                if (!entry.getValue().contains(groupId)) {
                    identityService.deleteMembership(userId, groupId);
                    changes++;
                }
            }
            count += entry.getValue().size();
        }
        return new int[] {count, changes};
    }

    private static String unusablePassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
