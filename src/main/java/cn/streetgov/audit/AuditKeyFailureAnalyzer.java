package cn.streetgov.audit;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a refused audit key as Spring Boot's "APPLICATION FAILED TO START" block, in place of a
 * stack trace (registered in META-INF/spring.factories).
 */
public class AuditKeyFailureAnalyzer extends AbstractFailureAnalyzer<AuditKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AuditKeyException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "设置环境变量 APP_AUDIT_KEY（至少 " + AuditSeal.MIN_KEY_BYTES + " 字节的随机值，例如 "
                        + "APP_AUDIT_KEY=$(openssl rand -base64 48)），保存在数据库以外的密钥管理处，之后不要更换。",
                cause);
    }
}
