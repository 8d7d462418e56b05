package cn.streetgov.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;

/** The audit key: from the environment, 32 bytes or more; the public demo key only where allowed. */
@ExtendWith(OutputCaptureExtension.class)
class AuditSealTest {

    private static final String KEY = "a-proper-audit-key-of-32-bytes-at-least";

    private static CanonicalFields content() {
        return new CanonicalFields("test").add("东华街道");
    }

    @Test
    void withoutAKeyTheApplicationRefusesToStartUnlessTheDemoKeyIsAllowed() {
        assertThatExceptionOfType(AuditKeyException.class).isThrownBy(() -> new AuditSeal("", false))
                .withMessageContaining("APP_AUDIT_KEY").withMessageContaining("至少 32 字节");
        assertThatExceptionOfType(AuditKeyException.class).isThrownBy(() -> new AuditSeal(null, false))
                .withMessageContaining("未设置审计链密钥");
        assertThatExceptionOfType(AuditKeyException.class).isThrownBy(() -> new AuditSeal(AuditSeal.DEMO_KEY, false))
                .withMessageContaining("演示密钥");
    }

    @Test
    void aRefusedKeyIsReportedAsAFailedStartWithWhatToDo() {
        AuditKeyException refused = new AuditKeyException("未设置审计链密钥");
        FailureAnalysis analysis = new AuditKeyFailureAnalyzer()
                .analyze(new BeanCreationException("auditTrail", "cannot create", refused));
        assertThat(analysis.getDescription()).isEqualTo("未设置审计链密钥");
        assertThat(analysis.getAction()).contains("APP_AUDIT_KEY", "openssl rand -base64 48");
    }

    @Test
    void aShortKeyIsRefusedEverywhere() {
        assertThatExceptionOfType(AuditKeyException.class).isThrownBy(() -> new AuditSeal("too-short-key", true))
                .withMessageContaining("太短").withMessageContaining("13 字节");
        // 11 Chinese characters are 33 bytes
        assertThat(new AuditSeal("东华街道西岭街道南湖街", false).sign(content())).hasSize(64);
    }

    @Test
    void theDemoKeyIsUsedWithAWarning(CapturedOutput output) {
        AuditSeal demo = new AuditSeal("  ", true);
        assertThat(output.getOut() + output.getErr()).contains("WARN").contains("演示密钥").contains("APP_AUDIT_KEY");
        assertThat(demo.sign(content())).isEqualTo(new AuditSeal(AuditSeal.DEMO_KEY, true).sign(content()));
    }

    @Test
    void theHashIsAnHmacOfTheKey() {
        AuditSeal seal = new AuditSeal(KEY, false);
        String hash = seal.sign(content());
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(seal.matches(content(), hash)).isTrue();
        assertThat(seal.matches(content(), hash.replace(hash.charAt(0), hash.charAt(0) == 'a' ? 'b' : 'a')))
                .isFalse();
        assertThat(new AuditSeal(KEY + "x", false).sign(content())).isNotEqualTo(hash);
        assertThat(new AuditSeal(" " + KEY + "\n", false).sign(content())).as("surrounding blanks are not the key")
                .isEqualTo(hash);
    }

    @Test
    void theMariadbProfileHasNoDefaultKey() throws IOException {
        Properties base = yaml("application.yaml");
        Properties mariadb = yaml("application-mariadb.yaml");
        assertThat(base.getProperty("app.audit.key")).isEqualTo("${APP_AUDIT_KEY:}");
        assertThat(mariadb.getProperty("app.audit.demo-key-allowed")).isEqualTo("false");
        assertThat(mariadb).doesNotContainKey("app.audit.key");
    }

    private static Properties yaml(String name) throws IOException {
        YamlPropertiesFactoryBean factory = new YamlPropertiesFactoryBean();
        factory.setResources(new ClassPathResource(name));
        return factory.getObject();
    }
}
