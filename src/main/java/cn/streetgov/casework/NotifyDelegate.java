package cn.streetgov.casework;

import cn.streetgov.audit.AuditEventType;
import cn.streetgov.audit.AuditTrail;
import cn.streetgov.common.PlainVariables;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A step an administrator adds to any process: tells a group (every member's inbox, and the
 * outward channels) or one user about the case, with a Chinese message, and records it in the
 * audit trail. Reads its step's input parameters {@code noticeGroup} or {@code noticeUser},
 * {@code noticeKind} (a {@link NoticeKind}, default {@code INFO}) and {@code noticeMessage}.
 */
@Component("notifyDelegate")
@ModellingDelegate(name = "发送通知", description = "向一个岗位组（每位在岗人员的消息，及已开启的邮件等渠道）或一名用户发送关于本案件的中文通知，并记入审计链")
class NotifyDelegate implements JavaDelegate {

    static final String GROUP = "noticeGroup";
    static final String USER = "noticeUser";
    static final String KIND = "noticeKind";
    static final String MESSAGE = "noticeMessage";

    private final Notifications notifications;
    private final AuditTrail audit;

    NotifyDelegate(Notifications notifications, AuditTrail audit) {
        this.notifications = notifications;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String group = text(execution, GROUP);
        String user = text(execution, USER);
        String message = text(execution, MESSAGE);
        if ((group == null) == (user == null) || message == null) {
            throw new IllegalStateException("环节「" + execution.getCurrentActivityName() + "」的发送通知须填写"
                    + "通知内容 noticeMessage，以及接收岗位组 noticeGroup 或接收用户 noticeUser 之一");
        }
        String kindName = text(execution, KIND);
        NoticeKind kind = kindName == null ? NoticeKind.INFO : NoticeKind.valueOf(kindName);
        String caseNo = CaseRefs.caseNo(execution);
        Notice notice = group != null
                ? Notice.toGroup(caseNo, execution.getProcessInstanceId(), kind, group, message)
                : Notice.toUser(caseNo, execution.getProcessInstanceId(), kind, user, message);
        notifications.send(notice);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind.name());
        details.put("recipient", group != null ? group : user);
        audit.recordSystemEvent(execution, AuditEventType.SYSTEM, kind.label() + "：" + notice.message(), details);
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = PlainVariables.value(execution, name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
