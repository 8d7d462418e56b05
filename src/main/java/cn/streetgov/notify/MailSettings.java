package cn.streetgov.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.mail.*}: whether notices are also mailed, and from which address. The SMTP server is
 * Spring Boot's {@code spring.mail.*}. Both are read when a mail is sent, not at start-up, so that an
 * installation (or a test) switching them needs no restart of the application context.
 */
@ConfigurationProperties(prefix = "app.mail")
public class MailSettings {

    /** Mail is off unless this is true and {@code spring.mail.host} is set. */
    private volatile boolean enabled;

    /** The sender's address. */
    private String from = "noreply@streetgov.invalid";

    /** The sender's name shown to the recipient. */
    private String fromName = "街道治理协同平台";

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getFromName() {
        return fromName;
    }

    public void setFromName(String fromName) {
        this.fromName = fromName;
    }
}
