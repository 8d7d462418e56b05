package cn.streetgov.casework;

import java.util.Objects;

/**
 * A notification to send about a case: to a group (an organisation's post, e.g.
 * {@code street-office-S01}) or to one user, with a Chinese message.
 *
 * @param caseNo the case number the recipient knows the case by (e.g. {@code FQ-2026-0001})
 * @param processInstanceId the engine's case, or null where none exists (yet)
 */
public record Notice(String caseNo, String processInstanceId, NoticeKind kind, String recipientGroup,
        String recipientUser, String message) {

    public static final int MESSAGE_MAX = 1000;

    public Notice {
        Objects.requireNonNull(caseNo, "caseNo");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        if ((recipientGroup == null) == (recipientUser == null)) {
            throw new IllegalArgumentException("a notice goes to one group or one user");
        }
        if (message.length() > MESSAGE_MAX) {
            message = message.substring(0, MESSAGE_MAX - 1) + "…";
        }
    }

    public static Notice toGroup(String caseNo, String processInstanceId, NoticeKind kind, String group,
            String message) {
        return new Notice(caseNo, processInstanceId, kind, group, null, message);
    }

    public static Notice toUser(String caseNo, String processInstanceId, NoticeKind kind, String userId,
            String message) {
        return new Notice(caseNo, processInstanceId, kind, null, userId, message);
    }
}
