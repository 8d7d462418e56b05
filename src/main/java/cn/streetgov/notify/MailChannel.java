package cn.streetgov.notify;

import cn.streetgov.org.domain.Person;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Mail through Spring Mail to the person's address in the organisation model: a Chinese subject
 * ({@code 【FQ-2026-0001】新的待办：评估承接能力}) and a plain-text Chinese body in UTF-8 with a link to
 * Tasklist. On when {@code app.mail.enabled=true} and {@code spring.mail.host} is set; both, and the
 * rest of {@code spring.mail.*}, are read for every mail, so switching them needs no restart.
 */
@Component
class MailChannel implements NotificationChannel {

    static final String NAME = "MAIL";

    private final MailSettings settings;
    private final MailProperties smtp;

    MailChannel(MailSettings settings, MailProperties smtp) {
        this.settings = settings;
        this.smtp = smtp;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return settings.isEnabled() && StringUtils.hasText(smtp.getHost());
    }

    @Override
    public String address(Person person) {
        return StringUtils.hasText(person.getEmail()) ? person.getEmail().trim() : null;
    }

    @Override
    public String missingAddress() {
        return "未登记电子邮箱，未发送邮件";
    }

    @Override
    public void send(OutboundMessage message) throws Exception {
        JavaMailSenderImpl sender = sender();
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper mail = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
        mail.setFrom(settings.getFrom(), settings.getFromName());
        mail.setTo(message.address());
        mail.setSubject(subject(message));
        mail.setText(body(message), false);
        mail.setSentDate(Date.from(message.createdAt()));
        sender.send(mime);
    }

    static String subject(OutboundMessage message) {
        return "【" + message.caseNo() + "】" + message.kind().label()
                + (message.headline() == null ? "" : "：" + message.headline());
    }

    static String body(OutboundMessage message) {
        StringBuilder body = new StringBuilder();
        body.append(message.recipientName()).append("，您好：\n\n");
        body.append(message.text()).append("\n\n");
        body.append("案件编号：").append(message.caseNo()).append('\n');
        if (message.processName() != null) {
            body.append("流程：").append(message.processName()).append('\n');
        }
        body.append("时间：").append(ShownTime.of(message.createdAt())).append("\n\n");
        body.append("请登录任务列表（Tasklist）查看和办理：").append(message.link()).append("\n\n");
        body.append("本邮件由街道治理协同平台自动发送，请勿直接回复。\n");
        return body.toString();
    }

    /** A sender for the SMTP settings as they are now (spring.mail.*, as Spring Boot applies them). */
    private JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.getHost());
        if (smtp.getPort() != null) {
            sender.setPort(smtp.getPort());
        }
        sender.setUsername(StringUtils.hasText(smtp.getUsername()) ? smtp.getUsername() : null);
        sender.setPassword(StringUtils.hasText(smtp.getPassword()) ? smtp.getPassword() : null);
        sender.setProtocol(smtp.getProtocol());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties properties = new Properties();
        properties.putAll(smtp.getProperties());
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
