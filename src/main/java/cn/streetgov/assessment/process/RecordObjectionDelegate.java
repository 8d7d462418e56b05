package cn.streetgov.assessment.process;

import cn.streetgov.org.domain.PostRole;
import cn.streetgov.assessment.domain.AssessmentObjection;
import cn.streetgov.casework.DecisionRecord;
import static cn.streetgov.assessment.process.AssessmentCaseProcess.string;

import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Records the agency's objection (message assessment-objection with objectionReason); a blank
 * reason refuses the message (Chinese reason, nothing written).
 */
@Component("recordObjectionDelegate")
class RecordObjectionDelegate implements JavaDelegate {

    static final String OBJECTION = "OBJECTION";

    private final AssessmentService assessments;
    private final DecisionRecord decisions;

    RecordObjectionDelegate(AssessmentService assessments, DecisionRecord decisions) {
        this.assessments = assessments;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String by = string(execution.getVariable(Vars.OBJECTED_BY));
        if (by == null) {
            Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            by = auth == null ? null : auth.getUserId();
        }
        AssessmentObjection objection = assessments.recordObjection((Long) execution.getVariable(Vars.CASE_ID),
                string(execution.getVariable(Vars.OBJECTION_REASON)), by);
        decisions.recordStep(execution, OBJECTION, objection.getReason(), by,
                PostRole.AGENCY.groupId(string(execution.getVariable(Vars.AGENCY_CODE))));
    }
}
