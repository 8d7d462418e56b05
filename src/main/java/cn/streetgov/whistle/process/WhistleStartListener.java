package cn.streetgov.whistle.process;

import static cn.streetgov.whistle.process.WhistleProcess.string;
import static cn.streetgov.whistle.process.WhistleProcess.stringList;

import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Department;
import cn.streetgov.whistle.domain.WhistleCase;
import cn.streetgov.whistle.domain.WhistleCaseService;
import cn.streetgov.whistle.domain.WhistleCaseService.Starter;
import cn.streetgov.whistle.domain.WhistleCaseService.WhistleRequest;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Start of whistle-dispatch: checks the whistle (Chinese reasons, nothing written when refused),
 * opens the case (its departments are summoned after the routing rule, by {@code SummonDepartmentsDelegate}),
 * and makes the case number the business key.
 */
@Component("whistleStartListener")
class WhistleStartListener implements ExecutionListener {

    private final WhistleCaseService cases;
    private final OrgDirectory org;

    WhistleStartListener(WhistleCaseService cases, OrgDirectory org) {
        this.cases = cases;
        this.org = org;
    }

    @Override
    public void notify(DelegateExecution execution) {
        WhistleRequest request = new WhistleRequest(string(execution.getVariable(Vars.ORG_CODE)),
                string(execution.getVariable(Vars.SUMMARY)), string(execution.getVariable(Vars.LOCATION)),
                string(execution.getVariable(Vars.URGENCY)), stringList(execution.getVariable(Vars.DEPT_CODES)),
                string(execution.getVariable(Vars.SOURCE)), string(execution.getVariable(Vars.HOTLINE_TICKET_NO)),
                string(execution.getVariable(Vars.CATEGORY)), isTrue(execution.getVariable(Vars.STOP_FIRST)));
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        Starter starter = auth == null || auth.getUserId() == null ? null
                : new Starter(auth.getUserId(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds());

        WhistleCase whistle = cases.open(request, starter, execution.getProcessInstanceId());

        execution.setProcessBusinessKey(whistle.getCaseNo());
        execution.setVariable(Vars.CASE_ID, whistle.getId());
        execution.setVariable(Vars.CASE_NO, whistle.getCaseNo());
        execution.setVariable(Vars.ORG_NAME, org.requireUnit(whistle.getOrgCode()).getName());
        execution.setVariable(Vars.URGENCY_LABEL, whistle.getUrgency().label());
        // the rule reads the category as the case has it (OTHER when none was given)
        execution.setVariable(Vars.CATEGORY, whistle.getCategory().name());
        execution.setVariable(Vars.STOP_FIRST, whistle.isStopFirst());
        execution.setVariable(Vars.REOPEN_COUNT, 0);
    }

    /** A checkbox (Boolean) or the text {@code true}; anything else is false. */
    private static boolean isTrue(Object value) {
        return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(value.toString().trim());
    }
}
