package cn.streetgov.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The keyed hash (HMAC-SHA256) of the audit chain. The key comes from the environment
 * ({@code APP_AUDIT_KEY}, property {@code app.audit.key}) and never from the database, so that
 * someone who can write the database cannot compute the hash of a forged record. Without a key the
 * built-in demo key is used where {@code app.audit.demo-key-allowed} is true (the embedded demo),
 * with a warning; elsewhere (the {@code mariadb} profile) the application does not start.
 */
@Component
final class AuditSeal {

    /** Public, hence worthless as a secret: for the embedded demo only. */
    static final String DEMO_KEY = "streetgov-demo-audit-key: public, never use it in production";
    static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Logger log = LoggerFactory.getLogger(AuditSeal.class);

    private final SecretKeySpec key;

    AuditSeal(@Value("${app.audit.key:}") String key,
            @Value("${app.audit.demo-key-allowed:false}") boolean demoKeyAllowed) {
        this.key = new SecretKeySpec(keyBytes(key, demoKeyAllowed), ALGORITHM);
    }

    private static byte[] keyBytes(String configured, boolean demoKeyAllowed) {
        String key = configured == null ? "" : configured.strip();
        if (key.isEmpty() || key.equals(DEMO_KEY)) {
            if (!demoKeyAllowed) {
                throw new AuditKeyException(key.isEmpty()
                        ? "未设置审计链密钥：请通过环境变量 APP_AUDIT_KEY（属性 app.audit.key）提供至少 "
                                + MIN_KEY_BYTES + " 字节的随机密钥（例如 openssl rand -base64 48 的输出）。"
                                + "该密钥不得存入数据库；丢失或更换密钥后，已有审计记录将无法核验。"
                        : "审计链密钥 APP_AUDIT_KEY 不得使用公开的演示密钥：请设置至少 " + MIN_KEY_BYTES
                                + " 字节的随机密钥（例如 openssl rand -base64 48 的输出）。");
            }
            log.warn("审计链正在使用内置的演示密钥（未设置 APP_AUDIT_KEY）：该密钥是公开的，能写数据库的人可以伪造审计记录。"
                    + "仅限演示；生产环境必须设置至少 {} 字节的随机密钥 APP_AUDIT_KEY。", MIN_KEY_BYTES);
            return DEMO_KEY.getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new AuditKeyException("审计链密钥 APP_AUDIT_KEY（属性 app.audit.key）太短：至少需要 "
                    + MIN_KEY_BYTES + " 字节，当前只有 " + bytes.length + " 字节（可用 openssl rand -base64 48 生成）。");
        }
        return bytes;
    }

    /** The HMAC of the content, lower-case hex (64 characters). */
    String sign(CanonicalFields content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(content.bytes()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code hash} is the HMAC of the content (compared in constant time). */
    boolean matches(CanonicalFields content, String hash) {
        return hash != null && MessageDigest.isEqual(sign(content).getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII));
    }
}
