package cn.streetgov.assessment.process;

import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import cn.streetgov.casework.CaseRules;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates DMN assessment-grade for a case when a score is changed by a decision (committee
 * adjustment, re-review, arbitration). The grade is the rules', never the caller's; the caller
 * needs no permission on the decision (it evaluates on behalf of the process), and the rules are
 * those of the case's own deployment (a running case keeps the table it started with).
 */
@Component
class GradeRules {

    record Result(double totalScore, String grade) {
    }

    /** The total and grade of the case's scores, with {@code adjustedScore} replacing the weighted total if given. */
    Result evaluate(VariableScope scope, Double adjustedScore) {
        VariableMap variables = Variables.createVariables()
                .putValue(Vars.SCORE_COMMAND, scope.getVariable(Vars.SCORE_COMMAND))
                .putValue(Vars.SCORE_DUTY, scope.getVariable(Vars.SCORE_DUTY))
                .putValue(Vars.SCORE_STYLE, scope.getVariable(Vars.SCORE_STYLE))
                .putValue(Vars.SCORE_COOPERATION, scope.getVariable(Vars.SCORE_COOPERATION))
                .putValue(Vars.SCORE_SATISFACTION, scope.getVariable(Vars.SCORE_SATISFACTION))
                .putValue(Vars.VETO_ITEM, Boolean.TRUE.equals(AssessmentCaseProcess.bool(scope.getVariable(Vars.VETO_ITEM))))
                .putValue(Vars.ADJUSTED_SCORE, adjustedScore);
        DmnDecisionResultEntries result = CaseRules.of(scope, AssessmentCaseProcess.DECISION_GRADE)
                .evaluate(variables).getSingleResult();
        Number total = result.getEntry(Vars.TOTAL_SCORE);
        return new Result(total.doubleValue(), result.getEntry(Vars.GRADE));
    }
}
