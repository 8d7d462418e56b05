package cn.streetgov.notify;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.security.CurrentUser;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's inbox (消息): the notices that reached them, newest first, with their read marks. Each
 * person reads and marks only their own; another person's notice is answered as one that does not
 * exist.
 */
@Service
class Inbox {

    static final int MAX_PAGE_SIZE = 100;

    private final JdbcTemplate jdbc;
    private final EngineReads engine;

    Inbox(JdbcTemplate jdbc, EngineReads engine) {
        this.jdbc = jdbc;
        this.engine = engine;
    }

    /** One notice as the person reads it; times in the district's zone. */
    record Item(long id, String kind, String kindLabel, String caseNo, String processInstanceId, String processName,
            String message, OffsetDateTime createdAt, OffsetDateTime readAt) {
    }

    /**
     * @param unread the person's unread notices (whatever the filter)
     * @param total the notices the filter matches (for paging)
     */
    record Page(long unread, long total, List<Item> items) {
    }

    @Transactional(readOnly = true)
    public Page list(CurrentUser user, boolean unreadOnly, long page, long size) {
        if (page < 0 || page > Integer.MAX_VALUE) {
            throw new InvalidInputException("页码 page 须为 0 或正整数");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("每页条数 size 须在 1 到 " + MAX_PAGE_SIZE + " 之间");
        }
        String filter = unreadOnly ? " and i.read_at is null" : "";
        long total = count("select count(*) from notify_inbox i where i.user_id = ?" + filter, user.userId());
        long unread = unreadOnly ? total : unread(user);
        List<Map<String, Object>> rows = jdbc.queryForList("select i.id, i.created_at, i.read_at, n.kind, n.case_no,"
                + " n.process_instance_id, n.message from notify_inbox i join case_notification n"
                + " on n.id = i.notification_id where i.user_id = ?" + filter + " order by i.id desc"
                + " limit " + size + " offset " + (page * size), user.userId());
        Map<String, String> names = engine.processNames(rows.stream().map(r -> (String) r.get("process_instance_id"))
                .filter(Objects::nonNull).toList());
        List<Item> items = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String processInstanceId = (String) row.get("process_instance_id");
            String kind = (String) row.get("kind");
            items.add(new Item(((Number) row.get("id")).longValue(), kind, label(kind), (String) row.get("case_no"),
                    processInstanceId, processInstanceId == null ? null : names.get(processInstanceId),
                    (String) row.get("message"), shown(row.get("created_at")), shown(row.get("read_at"))));
        }
        return new Page(unread, total, items);
    }

    @Transactional(readOnly = true)
    public long unread(CurrentUser user) {
        return count("select count(*) from notify_inbox where user_id = ? and read_at is null", user.userId());
    }

    /** Marks the person's notice read (again: no change); any other id is 404. */
    @Transactional
    public void read(CurrentUser user, long id) {
        if (count("select count(*) from notify_inbox where id = ? and user_id = ?", id, user.userId()) == 0) {
            throw new NotFoundException("消息不存在或不是发给您的");
        }
        jdbc.update("update notify_inbox set read_at = ? where id = ? and user_id = ? and read_at is null",
                Outbox.utc(CaseClock.instant()), id, user.userId());
    }

    /** Marks all the person's unread notices read; answers how many. */
    @Transactional
    public int readAll(CurrentUser user) {
        return jdbc.update("update notify_inbox set read_at = ? where user_id = ? and read_at is null",
                Outbox.utc(CaseClock.instant()), user.userId());
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    private static String label(String kind) {
        try {
            return NoticeKind.valueOf(kind).label();
        } catch (IllegalArgumentException e) {
            return NoticeKind.INFO.label();
        }
    }

    private static OffsetDateTime shown(Object utc) {
        if (utc == null) {
            return null;
        }
        LocalDateTime time = utc instanceof LocalDateTime local ? local : ((Timestamp) utc).toLocalDateTime();
        Instant instant = time.toInstant(ZoneOffset.UTC);
        return instant.atZone(CaseClock.zone()).toOffsetDateTime();
    }
}
