package cn.streetgov.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.casework.Notice;
import cn.streetgov.casework.Notifications;
import cn.streetgov.org.domain.OrgAdministration;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.test.ProcessTestSupport;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the notification tests share: new officials of their own (the demo users' inboxes fill up
 * over a run, as tests share one database), the inbox as a person reads it, and the check that a
 * text shown to a person holds no codes.
 */
abstract class NotifyTestSupport extends ProcessTestSupport {

    /** The password of the officials the tests create (it follows the password policy). */
    static final String PASSWORD = "Xiaoxi-2026!";

    /** Codes of organisations, groups and decisions that a person must never read. */
    private static final Pattern CODES = Pattern.compile(
            "\\b(S0[1-3]|T01|CGZF|SCJG|GA|ZRZY|WJ|APPROVE|REJECT|ACCEPT|PUBLISHED|REJECTED|WITHDRAWN|CLOSED|NEW_TASK)\\b"
                    + "|street-office|street-committee|dept-|agency-|legal-review|bianban|org-dept");

    @Autowired
    Inbox inbox;
    @Autowired
    Notifications notifications;
    @Autowired
    OrgAdministration orgAdmin;
    @Autowired
    JdbcTemplate jdbc;

    /** A new official holding a post of the role in the unit, who can log in with {@link #PASSWORD}. */
    String official(PostRole role, String unitCode, String email) {
        String username = "n" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Long version = orgAdmin.createPerson("admin",
                new OrgAdministration.PersonInput(username, "林", "晓曦", email, null)).getVersion();
        orgAdmin.addPost("admin", username, new OrgAdministration.PostInput(role.name(), unitCode, "科员", version));
        User account = identityService.createUserQuery().userId(username).singleResult();
        account.setPassword(PASSWORD);
        identityService.saveUser(account);
        return username;
    }

    /** The person's inbox, newest first (the latest 100). */
    List<Inbox.Item> inboxOf(String userId) {
        return inbox.list(user(userId), false, 0, 100).items();
    }

    /** What the person's inbox holds about one case, newest first. */
    List<Inbox.Item> inboxOf(String userId, String caseNo) {
        return inboxOf(userId).stream().filter(item -> caseNo.equals(item.caseNo())).toList();
    }

    /** Sends a notice through the kernel's port, in its own transaction (as a workflow step does). */
    Long send(Notice notice) {
        return notifications.send(notice).getId();
    }

    static void assertNoCodes(String text) {
        assertThat(CODES.matcher(text).find()).as("codes in: %s", text).isFalse();
    }
}
