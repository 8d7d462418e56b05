package cn.streetgov.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

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
    void aMariadbInstallationStartsOnlyWithItsOwnKeyWhileTheEmbeddedDemoStartsOnTheDemoKey() {
        assertThatThrownBy(() -> start(new String[] {"mariadb"})).hasRootCauseInstanceOf(AuditKeyException.class)
                .rootCause().hasMessageContaining("未设置审计链密钥");
        try (ConfigurableApplicationContext production = start(new String[] {"mariadb"}, "--APP_AUDIT_KEY=" + KEY)) {
            assertThat(production.getBean(AuditSeal.class).sign(content()))
                    .isEqualTo(new AuditSeal(KEY, false).sign(content()));
        }
        try (ConfigurableApplicationContext demo = start(new String[0])) {
            assertThat(demo.getBean(AuditSeal.class).sign(content()))
                    .isEqualTo(new AuditSeal(AuditSeal.DEMO_KEY, true).sign(content()));
        }
    }

    /**
     * The audit seal alone, configured by the project's application*.yaml for the given profiles and
     * arguments, without the process environment (a developer's APP_AUDIT_KEY must not count).
     */
    private static ConfigurableApplicationContext start(String[] profiles, String... args) {
        StandardEnvironment withoutEnvironment = new StandardEnvironment() {
            @Override
            protected void customizePropertySources(MutablePropertySources sources) {
            }
        };
        return new SpringApplicationBuilder(AuditSeal.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).environment(withoutEnvironment)
                .profiles(profiles).run(args);
    }
}
