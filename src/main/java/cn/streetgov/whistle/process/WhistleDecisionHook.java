package cn.streetgov.whistle.process;

import static cn.streetgov.whistle.process.WhistleProcess.string;

import cn.streetgov.casework.DecisionHook;
import cn.streetgov.casework.RecordedDecision;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.whistle.domain.WhistleCase;
import cn.streetgov.whistle.domain.WhistleCaseService;
import cn.streetgov.whistle.domain.WhistleSummons;
import cn.streetgov.whistle.process.WhistleProcess.Elements;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What whistle-dispatch does after the kernel has checked and recorded a decision: the summoned
 * department's report (late or on time), the case's step, the resident's satisfaction.
 */
@Component
class WhistleDecisionHook implements DecisionHook {

    private final WhistleCaseService cases;

    WhistleDecisionHook(WhistleCaseService cases) {
        this.cases = cases;
    }

    @Override
    public String processKey() {
        return WhistleProcess.KEY;
    }

    @Override
    public void onDecision(DelegateTask task, RecordedDecision decision) {
        Long caseId = (Long) task.getVariable(Vars.CASE_ID);
        switch (task.getTaskDefinitionKey()) {
            case Elements.REPORT -> {
                WhistleSummons summons = cases.recordReport(caseId, string(task.getVariable(Vars.DEPT_CODE)),
                        decision.comment(), decision.actor().userId());
                if (summons.isLate()) {
                    decision.amend(WhistleProcess.REPORTED_LATE, Map.of());
                }
            }
            case Elements.DISSUADE -> {
                boolean stopped = Boolean.parseBoolean(decision.decision());
                task.setVariable(Vars.DISSUADED, stopped);
                WhistleCase whistle = cases.recordDissuasion(caseId, stopped, decision.comment());
                if (stopped) {
                    task.setVariable(Vars.OUTCOME, whistle.getOutcome());
                }
            }
            case Elements.HANDLE -> cases.recordHandling(caseId);
            case Elements.CONFIRM -> {
                boolean resolved = Boolean.parseBoolean(decision.decision());
                task.setVariable(Vars.RESOLVED, resolved);
                cases.recordConfirmation(caseId, resolved);
            }
            case Elements.FOLLOW_UP -> {
                int satisfaction = requireSatisfaction(task);
                task.setVariable(Vars.SATISFACTION, satisfaction);
                decision.amend(String.valueOf(satisfaction), Map.of());
                cases.recordFollowUp(caseId, satisfaction);
            }
            default -> {
                // nothing specific to do
            }
        }
    }

    private static int requireSatisfaction(DelegateTask task) {
        Object value = task.getVariable(Vars.SATISFACTION);
        Integer score = null;
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            score = n.intValue();
        } else if (value != null) {
            try {
                score = Integer.valueOf(value.toString().trim());
            } catch (NumberFormatException e) {
                score = null;
            }
        }
        if (score == null || score < 1 || score > 5) {
            throw new InvalidInputException("群众满意度应为 1 到 5 分");
        }
        return score;
    }
}
