package cn.streetgov.casework;

import java.util.List;

/**
 * The one notification port of every workflow. A notice is stored in {@code case_notification}
 * within the caller's transaction (so a rolled-back step sends nothing) and delivered to the people it
 * is for in the same transaction ({@link NoticeDelivery}: the officials' inbox; outward channels such
 * as mail after the commit).
 */
public interface Notifications {

    CaseNotification send(Notice notice);

    /** The notices of one case, oldest first. */
    List<CaseNotification> ofCase(String caseNo);
}
