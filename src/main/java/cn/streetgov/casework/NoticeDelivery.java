package cn.streetgov.casework;

/**
 * Delivers a stored notice to the people it is for (the officials' inbox, outward channels). Called
 * by {@link Notifications#send} for every notice, right after it is stored, in the caller's
 * transaction: a rolled-back step delivers nothing. Implemented outside the kernel (package
 * {@code notify}); the kernel knows only this interface.
 */
public interface NoticeDelivery {

    void deliver(CaseNotification notification);
}
