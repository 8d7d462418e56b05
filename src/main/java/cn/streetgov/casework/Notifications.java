package cn.streetgov.casework;

import java.util.List;

/**
 * The one notification port of every workflow. A notice is stored in {@code case_notification}
 * within the caller's transaction (so a rolled-back step sends nothing); delivery channels (the
 * officials' inbox, mail, …) read from there.
 */
public interface Notifications {

    CaseNotification send(Notice notice);

    /** The notices of one case, oldest first. */
    List<CaseNotification> ofCase(String caseNo);
}
