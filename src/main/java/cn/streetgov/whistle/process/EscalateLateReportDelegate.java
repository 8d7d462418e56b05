package cn.streetgov.whistle.process;

import cn.streetgov.audit.AuditEventType;
import cn.streetgov.audit.AuditTrail;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.whistle.domain.WhistleCaseService;
import cn.streetgov.casework.CaseNotification;
import cn.streetgov.whistle.domain.WhistleSummons;
import cn.streetgov.whistle.process.WhistleProcess.Elements;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The report deadline passed (non-interrupting timer): the summons is marked late, the department's
 * leadership ({@code dept-{dept}}) is notified (a notification row, an escalation in the audit
 * trail and a log line), and the open
 * report task becomes visible to the department as well, so that it can supervise it.
 */
@Component("escalateLateReportDelegate")
class EscalateLateReportDelegate implements JavaDelegate {

    private final WhistleCaseService cases;
    private final AuditTrail audit;

    EscalateLateReportDelegate(WhistleCaseService cases, AuditTrail audit) {
        this.cases = cases;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = (Long) execution.getVariable(Vars.CASE_ID);
        String deptCode = (String) execution.getVariable(Vars.DEPT_CODE);
        Optional<CaseNotification> notification = cases.escalateLateReport(caseId, deptCode);
        if (notification.isEmpty()) {
            return;
        }
        String deptGroup = PostRole.DEPARTMENT.groupId(deptCode);
        WhistleSummons summons = cases.summons(caseId, deptCode);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(Vars.DEPT_CODE, deptCode);
        details.put("routedGroup", summons.getRoutedGroup());
        details.put("deadline", String.valueOf(summons.getDeadline()));
        details.put("notifiedGroup", deptGroup);
        audit.recordSystemEvent(execution, AuditEventType.ESCALATION, notification.get().getMessage(), details);
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(Elements.REPORT).list()) {
            if (deptCode.equals(tasks.getVariable(task.getId(), Vars.DEPT_CODE))) {
                tasks.addCandidateGroup(task.getId(), deptGroup);
            }
        }
    }
}
