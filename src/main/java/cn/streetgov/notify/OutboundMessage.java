package cn.streetgov.notify;

import cn.streetgov.casework.NoticeKind;
import java.time.Instant;

/**
 * One notice as an outward channel sends it to one person: every text in it is Chinese and ready to
 * be read.
 *
 * @param address where to (from {@link NotificationChannel#address})
 * @param recipientName the person's name, family name first
 * @param caseNo the case number (e.g. {@code FQ-2026-0001})
 * @param processName the workflow's Chinese name, or null for a notice outside a case of the engine
 * @param headline what the notice is about in a few words (a task's name, else the workflow's name), or null
 * @param createdAt when the notice was sent
 * @param link where the person acts on it (Tasklist)
 */
public record OutboundMessage(String address, String recipientName, String caseNo, NoticeKind kind,
        String processName, String headline, String text, Instant createdAt, String link) {
}
