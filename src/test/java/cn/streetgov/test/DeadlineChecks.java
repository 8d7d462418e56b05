package cn.streetgov.test;

import cn.streetgov.casework.CaseNotification;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.Notifications;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Helpers of the deadline tests: the clock relative to a task's due date, the notices a case got. */
public final class DeadlineChecks {

    public static final Duration HALF_A_DAY = Duration.ofHours(12);
    public static final Duration AN_HOUR = Duration.ofHours(1);

    private DeadlineChecks() {
    }

    /** Sets the engine clock to the task's due date minus {@code before}. */
    public static void before(Task task, Duration before) {
        ClockUtil.setCurrentTime(Date.from(task.getDueDate().toInstant().minus(before)));
    }

    /** Sets the engine clock to the task's due date plus {@code after}. */
    public static void after(Task task, Duration after) {
        ClockUtil.setCurrentTime(Date.from(task.getDueDate().toInstant().plus(after)));
    }

    /** The recipients of the case's notices of that kind, oldest first. */
    public static List<String> recipients(Notifications notifications, ProcessInstance instance, NoticeKind kind) {
        return notices(notifications, instance, kind).stream().map(CaseNotification::getRecipient).toList();
    }

    public static List<CaseNotification> notices(Notifications notifications, ProcessInstance instance,
            NoticeKind kind) {
        return notifications.ofCase(instance.getBusinessKey()).stream().filter(n -> n.getKind() == kind).toList();
    }
}
