package cn.streetgov.whistle.process;

import static cn.streetgov.whistle.process.WhistleProcess.string;
import static cn.streetgov.whistle.process.WhistleProcess.stringList;

import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Department;
import cn.streetgov.whistle.domain.WhistleCaseService;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 网上分流移交: summons the departments of the whistle — those {@code whistle-routing.dmn} gives for
 * its category, or the street's own choice (a reason when it differs from the rule). Runs in the
 * start's transaction: a refusal (no department, no reason) refuses the start, nothing is written.
 */
@Component("summonDepartmentsDelegate")
class SummonDepartmentsDelegate implements JavaDelegate {

    private final WhistleCaseService cases;
    private final OrgDirectory org;

    SummonDepartmentsDelegate(WhistleCaseService cases, OrgDirectory org) {
        this.cases = cases;
        this.org = org;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = (Long) execution.getVariable(Vars.CASE_ID);
        List<String> routed = stringList(execution.getVariable(Vars.ROUTED_DEPT_CODES));
        cases.summon(caseId, stringList(execution.getVariable(Vars.DEPT_CODES)), routed,
                string(execution.getVariable(Vars.ROUTING_REASON)));
        execution.setVariable(Vars.DEPT_NAMES, String.join("、", cases.summonedDepartments(caseId).stream()
                .map(code -> org.findDepartment(code).map(Department::getName).orElse(code)).toList()));
    }
}
