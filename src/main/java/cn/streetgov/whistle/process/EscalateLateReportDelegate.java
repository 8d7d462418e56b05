package cn.streetgov.whistle.process;

import cn.streetgov.org.domain.PostRole;
import cn.streetgov.whistle.domain.WhistleCaseService;
import cn.streetgov.whistle.process.WhistleProcess.Elements;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The report deadline passed (non-interrupting timer): the summons is marked late, the department's
 * leadership ({@code dept-{dept}}) is notified (a notification row and a log line), and the open
 * report task becomes visible to the department as well, so that it can supervise it.
 */
@Component("escalateLateReportDelegate")
class EscalateLateReportDelegate implements JavaDelegate {

    private final WhistleCaseService cases;

    EscalateLateReportDelegate(WhistleCaseService cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = (Long) execution.getVariable(Vars.CASE_ID);
        String deptCode = (String) execution.getVariable(Vars.DEPT_CODE);
        if (cases.escalateLateReport(caseId, deptCode).isEmpty()) {
            return;
        }
        String deptGroup = PostRole.DEPARTMENT.groupId(deptCode);
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(Elements.REPORT).list()) {
            if (deptCode.equals(tasks.getVariable(task.getId(), Vars.DEPT_CODE))) {
                tasks.addCandidateGroup(task.getId(), deptGroup);
            }
        }
    }
}
