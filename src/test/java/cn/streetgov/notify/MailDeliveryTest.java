package cn.streetgov.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.casework.Notice;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.test.Race;
import cn.streetgov.test.StartVariables;
import cn.streetgov.whistle.process.WhistleProcess;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail through a real SMTP server in the test (GreenMail): Chinese subject and body, persons without
 * an address skipped and recorded, a retry once the server is back, no row sent twice by two
 * dispatchers at once, nothing sent for a step that rolled back. The mail channel reads its switch
 * and server at send time, so the tests turn it on for themselves in the one shared context.
 */
class MailDeliveryTest extends NotifyTestSupport {

    @Autowired
    MailSettings settings;
    @Autowired
    MailProperties smtp;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    OutboxProperties outboxProperties;
    @Autowired
    PlatformTransactionManager transactions;

    private GreenMail server;
    private int port;
    private String savedHost;
    private Integer savedPort;

    @BeforeEach
    void mailOn() throws IOException {
        // rows other tests left behind must not reach this test's server
        jdbc.update("update notify_outbox set status = 'FAILED', last_error = 'test' where status in ('PENDING', 'SENDING')");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        savedHost = smtp.getHost();
        savedPort = smtp.getPort();
        smtp.setHost("127.0.0.1");
        smtp.setPort(port);
        settings.setEnabled(true);
    }

    @AfterEach
    void mailOff() {
        settings.setEnabled(false);
        smtp.setHost(savedHost);
        smtp.setPort(savedPort);
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void shouldMailANewTaskWithAChineseSubjectAndBodyAndALinkToTasklist() throws Exception {
        startServer();
        ProcessInstance pi = blow();
        String caseNo = pi.getBusinessKey();

        MimeMessage mail = awaitMailTo("s01-ga-head@demo.streetgov.invalid");
        assertThat(mail.getSubject()).isEqualTo("【" + caseNo + "】新的待办：东华派出所报到");
        assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(mail.getFrom()[0].toString()).contains("noreply@streetgov.invalid");
        String body = (String) mail.getContent();
        assertThat(body).contains("您好", caseNo, "部门报到", "街道吹哨、部门报到", "北京时间",
                "http://localhost:8080/camunda/app/tasklist/");
        assertNoCodes(body);
        assertThat(jdbc.queryForList("select o.status from notify_outbox o join case_notification n"
                + " on n.id = o.notification_id where n.process_instance_id = ? and o.user_id = 's01-ga-head'",
                String.class, pi.getId())).containsExactly("SENT");
    }

    @Test
    void shouldSkipAndRecordAPersonWithoutAnEmailAddress() throws Exception {
        startServer();
        String without = official(PostRole.DEPARTMENT, "SCJG", null);
        String with = official(PostRole.DEPARTMENT, "SCJG", "lin.xiaoxi@scjg.example.cn");
        Long id = send(Notice.toGroup(caseNo(), null, NoticeKind.INFO, "dept-SCJG", "请市场监管局报送检查计划"));

        MimeMessage mail = awaitMailTo("lin.xiaoxi@scjg.example.cn");
        assertThat(mail.getSubject()).contains("通知");
        assertThat((String) mail.getContent()).contains("请市场监管局报送检查计划");
        assertThat(row(id, without)).containsEntry("status", "SKIPPED");
        assertThat((String) row(id, without).get("last_error")).contains("电子邮箱");
        assertThat(row(id, with)).containsEntry("status", "SENT");
        // the inbox has it for both
        assertThat(inboxOf(without)).extracting(Inbox.Item::message).contains("请市场监管局报送检查计划");
    }

    @Test
    void shouldRetryAfterTheServerWasDownAndSendOnce() throws Exception {
        String person = official(PostRole.DEPARTMENT, "ZRZY", "retry@zrzy.example.cn");
        Long id = send(Notice.toUser(caseNo(), null, NoticeKind.INFO, person, "请于明日上午参加联席会议"));
        // the send after the commit found no server: due again later
        await(() -> attempts(id, person) == 1 && "PENDING".equals(row(id, person).get("status")));
        assertThat((String) row(id, person).get("last_error")).isNotBlank();
        assertThat(dispatcher.dispatchDue()).isZero();

        startServer();
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 2 * 60_000L));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);

        assertThat(awaitMailTo("retry@zrzy.example.cn").getContent().toString()).contains("请于明日上午参加联席会议");
        assertThat(row(id, person)).containsEntry("status", "SENT");
        assertThat(attempts(id, person)).isEqualTo(2);
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(server.getReceivedMessages()).hasSize(1);
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() throws Exception {
        String person = official(PostRole.DEPARTMENT, "WJ", "never@wj.example.cn");
        Long id = send(Notice.toUser(caseNo(), null, NoticeKind.INFO, person, "无法送达的邮件"));
        // the first attempt has failed and been put back for a retry (the claim counts the attempt before the send)
        await(() -> attempts(id, person) == 1 && "PENDING".equals(row(id, person).get("status")));
        for (int round = 0; round < 12 && "PENDING".equals(row(id, person).get("status")); round++) {
            ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 24 * 3_600_000L));
            dispatcher.dispatchDue();
        }
        assertThat(row(id, person)).containsEntry("status", "FAILED");
        assertThat(attempts(id, person)).isEqualTo(outboxProperties.getMaxAttempts());
    }

    @Test
    void shouldSendEachRowOnceWhenTwoDispatchersRunAtTheSameMoment() throws Exception {
        List<String> people = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String person = official(PostRole.AGENCY, "S03-GA", "race" + i + "@ga.example.cn");
            people.add(person);
            ids.add(send(Notice.toUser(caseNo(), null, NoticeKind.INFO, person, "第 " + i + " 份通知")));
        }
        await(() -> {
            for (int i = 0; i < ids.size(); i++) {
                if (attempts(ids.get(i), people.get(i)) != 1 || !"PENDING".equals(row(ids.get(i), people.get(i)).get("status"))) {
                    return false;
                }
            }
            return true;
        });
        startServer();
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 2 * 60_000L));

        List<Race.Outcome<Integer>> runs = Race.twoAtOnce(dispatcher::dispatchDue, dispatcher::dispatchDue);

        assertThat(runs).allMatch(Race.Outcome::succeeded);
        assertThat(runs.get(0).result() + runs.get(1).result()).isEqualTo(6);
        assertThat(server.waitForIncomingEmail(10_000, 6)).isTrue();
        Thread.sleep(500);
        assertThat(server.getReceivedMessages()).hasSize(6);
        assertThat(Arrays.stream(server.getReceivedMessages()).map(this::recipient).distinct()).hasSize(6);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(row(ids.get(i), people.get(i))).containsEntry("status", "SENT");
            assertThat(attempts(ids.get(i), people.get(i))).isEqualTo(2);
        }
    }

    @Test
    void shouldNeverResendARowWhoseSendWasCutOff() {
        String person = official(PostRole.DEPARTMENT, "GA", "cut@ga.example.cn");
        settings.setEnabled(false);
        Long id = send(Notice.toUser(caseNo(), null, NoticeKind.INFO, person, "发送中断的邮件"));
        assertThat(jdbc.queryForObject("select count(*) from notify_outbox where notification_id = ?", Integer.class, id))
                .isZero();
        settings.setEnabled(true);
        // as a node leaves it when it stops between the claim and the mark: claimed long ago, never marked
        jdbc.update("insert into notify_outbox (notification_id, user_id, channel, address, status, attempts,"
                + " next_attempt_at, claim_token, claimed_at, created_at) values (?, ?, 'MAIL', ?, 'SENDING', 1, ?, 'gone', ?, ?)",
                id, person, "cut@ga.example.cn", Outbox.utc(ClockUtil.getCurrentTime().toInstant()),
                Outbox.utc(ClockUtil.getCurrentTime().toInstant().minus(Duration.ofHours(2))),
                Outbox.utc(ClockUtil.getCurrentTime().toInstant()));

        dispatcher.dispatchDue();

        assertThat(row(id, person)).containsEntry("status", "FAILED");
        assertThat((String) row(id, person).get("last_error")).contains("中断");
    }

    @Test
    void shouldSendNothingForAStepThatRolledBack() throws Exception {
        startServer();
        String person = official(PostRole.DEPARTMENT, "CGZF", "rollback@cgzf.example.cn");
        String caseNo = caseNo();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            notifications.send(Notice.toUser(caseNo, null, NoticeKind.INFO, person, "不应送达"));
            status.setRollbackOnly();
        });
        assertThat(inboxOf(person)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from notify_outbox where user_id = ?", Integer.class, person))
                .isZero();
        assertThat(server.waitForIncomingEmail(1_000, 1)).isFalse();
    }

    // ---------------------------------------------------------------- helpers

    private void startServer() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    private ProcessInstance blow() {
        return as("s01-off", () -> runtimeService.startProcessInstanceByKey(WhistleProcess.KEY,
                StartVariables.whistle("S01", "GA", "NORMAL", "道路积水，多部门协同处置", "和平路 12 号")));
    }

    private MimeMessage awaitMailTo(String address) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            for (MimeMessage message : server.getReceivedMessages()) {
                if (address.equals(recipient(message))) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + address + " among " + server.getReceivedMessages().length);
    }

    private String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> row(Long notificationId, String userId) {
        Map<String, Object> row = new HashMap<>();
        jdbc.queryForMap("select status, attempts, last_error from notify_outbox where notification_id = ? and user_id = ?",
                notificationId, userId).forEach((column, value) -> row.put(column.toLowerCase(), value));
        return row;
    }

    private int attempts(Long notificationId, String userId) {
        return ((Number) row(notificationId, userId).get("attempts")).intValue();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(100);
        }
    }

    private static String caseNo() {
        return "TZ-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
