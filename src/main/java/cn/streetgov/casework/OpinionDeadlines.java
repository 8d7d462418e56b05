package cn.streetgov.casework;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/**
 * The opinion-with-deadline part every consultation shares ({@link OpinionRequest}): the reply
 * deadline and the reminder before it as case variables, the reminder to the asked group when the
 * reminder timer fires, and the overdue notice (plus the workflow's own record) at the deadline.
 * Used by {@code cadre-consultation} and {@code major-matter-consultation}.
 */
@Service
public class OpinionDeadlines {

    /** The reply deadline ({@code Date}): the opinion task's due date and its deadline timer. */
    public static final String REPLY_DEADLINE = "replyDeadline";
    /** When the asked group is reminded ({@code Date}): the reminder timer. */
    public static final String REMINDER_DATE = "reminderDate";

    private final List<OpinionRequest> requests;
    private final Notifications notifications;

    OpinionDeadlines(List<OpinionRequest> requests, Notifications notifications) {
        this.requests = requests;
        this.notifications = notifications;
    }

    /**
     * The reminder before {@code deadline}: {@code reminderBefore} ahead of it, or halfway from
     * now when that is already past (a reminder is never in the past).
     */
    public static LocalDateTime reminderAt(LocalDateTime deadline, Duration reminderBefore) {
        LocalDateTime now = CaseClock.now();
        LocalDateTime reminder = deadline.minus(reminderBefore);
        if (!reminder.isAfter(now)) {
            reminder = now.plus(Duration.between(now, deadline).dividedBy(2));
        }
        return reminder;
    }

    /** The reply deadline and the reminder before it, as the variables the BPMN's timers read. */
    public static Map<String, Object> variables(LocalDateTime deadline, Duration reminderBefore) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(REPLY_DEADLINE, CaseClock.toDate(deadline));
        variables.put(REMINDER_DATE, CaseClock.toDate(reminderAt(deadline, reminderBefore)));
        return variables;
    }

    /** The reminder timer fired: the asked group is told to reply by the deadline. */
    public CaseNotification remind(DelegateExecution execution) {
        OpinionRequest request = request(execution);
        Date deadline = (Date) execution.getVariable(REPLY_DEADLINE);
        return notifications.send(Notice.toGroup(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                NoticeKind.REMINDER, request.askedGroup(execution),
                "案件 " + execution.getProcessBusinessKey() + "：请于 " + CaseClock.toLocal(deadline).toLocalDate()
                        + " 前" + request.askedFor(execution)));
    }

    /**
     * The deadline passed without an opinion: the workflow records it ({@link OpinionRequest#overdue})
     * and the group it names is told.
     */
    public void overdue(DelegateExecution execution) {
        OpinionRequest request = request(execution);
        request.overdue(execution);
        notifyOverdue(request, execution, execution);
    }

    /** Only the overdue notice (for a BPMN whose deadline leads to a user task rather than a service task). */
    public void notifyOverdue(VariableScope scope, DelegateExecution execution) {
        notifyOverdue(request(execution), scope, execution);
    }

    private void notifyOverdue(OpinionRequest request, VariableScope scope, DelegateExecution execution) {
        String group = request.overdueGroup(scope);
        if (group != null) {
            notifications.send(Notice.toGroup(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                    NoticeKind.OVERDUE, group,
                    "案件 " + execution.getProcessBusinessKey() + "：" + request.overdueMessage(scope)));
        }
    }

    private OpinionRequest request(DelegateExecution execution) {
        String key = CaseRefs.processKey(execution);
        return requests.stream().filter(r -> r.processKey().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("流程 " + key + " 没有征求意见的定义（OpinionRequest）"));
    }
}
