package cn.streetgov.notify;

import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds Spring Boot's {@code spring.mail.*} also when no SMTP host is set (Boot's mail
 * auto-configuration binds them only then): {@link MailChannel} reads them for every mail.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class NotifyConfiguration {
}
