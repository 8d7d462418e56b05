package cn.streetgov.notify;

import cn.streetgov.common.InvalidInputException;
import cn.streetgov.security.CurrentUser;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own inbox over REST (the Tasklist header polls the unread count): a login is needed
 * for every call ({@code /api/*}); everyone, auditors included, reads and marks only their own.
 */
@RestController
class NotificationController {

    private final Inbox inbox;

    NotificationController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/notifications")
    Inbox.Page list(@RequestParam(defaultValue = "false") String unreadOnly,
            @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "20") String size,
            CurrentUser user) {
        return inbox.list(user, bool(unreadOnly), number(page, "page"), number(size, "size"));
    }

    @GetMapping("/api/notifications/unread-count")
    Map<String, Long> unreadCount(CurrentUser user) {
        return Map.of("unread", inbox.unread(user));
    }

    @PostMapping("/api/notifications/{id}/read")
    Map<String, String> read(@PathVariable String id, CurrentUser user) {
        inbox.read(user, number(id, "消息编号"));
        return Map.of("message", "已读");
    }

    @PostMapping("/api/notifications/read-all")
    Map<String, Object> readAll(CurrentUser user) {
        return Map.of("message", "已全部标为已读", "count", inbox.readAll(user));
    }

    private static long number(String value, String name) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("参数 " + name + " 须为整数：" + value);
        }
    }

    private static boolean bool(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0", "" -> false;
            default -> throw new InvalidInputException("参数 unreadOnly 只能是 true 或 false");
        };
    }
}
