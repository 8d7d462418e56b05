package cn.streetgov.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.stereotype.Component;

/**
 * Reads and sets the passwords the application manages, without ever calling
 * {@code checkPassword} (which would count as a failed login): the stored hash is compared with
 * the demo password, and the hash of every password the application set itself (unusable or
 * one-time) is remembered in the user's Camunda user info ({@code ACT_ID_INFO}, key
 * {@value #MARKER_KEY}), so that a password someone set later is recognised as theirs.
 */
@Component
class Credentials {

    static final String MARKER_KEY = "app.password-origin";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SPECIAL = "-_!#%+=";

    private final IdentityService identityService;
    private final ProcessEngine engine;

    Credentials(IdentityService identityService, ProcessEngine engine) {
        this.identityService = identityService;
        this.engine = engine;
    }

    PasswordState stateOf(User user) {
        String hash = ((UserEntity) user).getPassword();
        if (hash == null) {
            return PasswordState.NONE;
        }
        if (matches(DemoProperties.DEMO_PASSWORD, (UserEntity) user)) {
            return PasswordState.DEMO;
        }
        String marker = identityService.getUserInfo(user.getId(), MARKER_KEY);
        if (marker != null && marker.equals(marker(PasswordState.UNUSABLE, hash))) {
            return PasswordState.UNUSABLE;
        }
        if (marker != null && marker.equals(marker(PasswordState.GENERATED, hash))) {
            return PasswordState.GENERATED;
        }
        return PasswordState.SET;
    }

    /**
     * Saves the user (new or changed names included) with {@code password}, which is of the given
     * kind: DEMO, UNUSABLE and GENERATED skip the password policy (the demo password could not
     * pass it), SET must pass it.
     */
    void save(User user, String password, PasswordState kind) {
        user.setPassword(password);
        ((IdentityServiceImpl) identityService).saveUser(user, kind != PasswordState.SET);
        identityService.unlockUser(user.getId());
        if (kind == PasswordState.UNUSABLE || kind == PasswordState.GENERATED) {
            identityService.setUserInfo(user.getId(), MARKER_KEY, marker(kind, ((UserEntity) user).getPassword()));
        } else {
            forget(user.getId());
        }
    }

    void forget(String userId) {
        identityService.deleteUserInfo(userId, MARKER_KEY);
    }

    static String unusablePassword() {
        return randomPassword(32);
    }

    /** A random password that passes the password policy for {@code user} (as the engine checks it). */
    String oneTimePassword(User user) {
        PasswordPolicy policy = identityService.getPasswordPolicy();
        while (true) {
            String password = randomPassword(20);
            if (policy == null || identityService.checkPasswordAgainstPolicy(policy, password, user).isValid()) {
                return password;
            }
        }
    }

    private boolean matches(String password, UserEntity user) {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return config.getPasswordManager().check(EncryptionUtil.saltPassword(password, user.getSalt()), user.getPassword());
    }

    private static String marker(PasswordState kind, String hash) {
        return kind.name() + ":" + hash;
    }

    private static String randomPassword(int length) {
        List<Character> chars = new ArrayList<>();
        String all = UPPER + LOWER + DIGITS + SPECIAL;
        for (String group : new String[] {UPPER, LOWER, DIGITS, SPECIAL}) {
            chars.add(group.charAt(RANDOM.nextInt(group.length())));
        }
        while (chars.size() < length) {
            chars.add(all.charAt(RANDOM.nextInt(all.length())));
        }
        Collections.shuffle(chars, RANDOM);
        StringBuilder out = new StringBuilder(length);
        chars.forEach(out::append);
        return out.toString();
    }
}
