package cn.streetgov.security;

import cn.streetgov.security.web.LoginProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/**
 * Who a user is, for requests with HTTP Basic credentials (/engine-rest, /api): without it every
 * request checked the password and read the user's groups and tenants again — five engine commands
 * and their SQL per request, a third of a task completion's time. A successful login is kept for
 * {@code app.security.login.cache-ttl} (30 s; 0 turns the cache off): the user id with a keyed hash of
 * the password (a random key of this process; the password itself is never kept), the groups and
 * the tenants. A wrong password is never cached, so the engine's delays after failed logins apply
 * as before. Every change of users, groups, memberships or tenants through the engine (Admin, the
 * identity synchronisation, a password change) empties the cache ({@link IdentityEnginePlugin});
 * the TTL bounds what it could miss (Camunda's webapps keep a login's groups for 5 minutes).
 */
@Component
public class LoginCache {

    /** A logged-in user: the id, groups and tenants the engine's authentication carries. */
    public record Login(String userId, List<String> groupIds, List<String> tenantIds) {
        public CurrentUser currentUser() {
            return new CurrentUser(userId, java.util.Set.copyOf(groupIds));
        }
    }

    private record Entry(String passwordHash, Login login, long expiresAt, long generation) {
    }

    private final long ttlNanos;
    private final byte[] key = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    LoginCache(LoginProperties properties) {
        Duration ttl = properties.cacheTtl();
        this.ttlNanos = ttl.toNanos();
        new SecureRandom().nextBytes(key);
    }

    /** The user if the password is right (from the cache, else checked by the engine), else empty. */
    public Optional<Login> authenticate(IdentityService identity, String userId, String password) {
        if (userId == null || userId.isEmpty() || password == null) {
            return Optional.empty();
        }
        String hash = ttlNanos > 0 ? hash(userId, password) : null;
        long now = System.nanoTime();
        Entry cached = hash == null ? null : entries.get(userId);
        if (cached != null && cached.generation() == generation.get() && now - cached.expiresAt() < 0
                && java.security.MessageDigest.isEqual(cached.passwordHash().getBytes(StandardCharsets.UTF_8),
                        hash.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(cached.login());
        }
        // read before the check: a change that empties the cache meanwhile makes this entry stale
        long seen = generation.get();
        if (!identity.checkPassword(userId, password)) {
            entries.remove(userId);
            return Optional.empty();
        }
        Login login = new Login(userId,
                identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
                identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                        .map(Tenant::getId).toList());
        if (hash != null) {
            entries.put(userId, new Entry(hash, login, now + ttlNanos, seen));
        }
        return Optional.of(login);
    }

    /** Forgets every login: the next request of each user is checked by the engine again. */
    public void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private String hash(String userId, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
