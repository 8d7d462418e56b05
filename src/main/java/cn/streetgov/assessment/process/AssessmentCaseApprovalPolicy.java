package cn.streetgov.assessment.process;

import cn.streetgov.assessment.domain.AssessmentProperties;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Elements;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import cn.streetgov.casework.ApprovalPolicy;
import cn.streetgov.casework.CaseClock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The approval operations of {@code agency-assessment-case} (one case per street × agency, each a
 * branch of the campaign's multi-instance step): a final result or a suggestion sent cannot be
 * reopened; a self-evaluation that is returned gets its full time again (its deadline timer reads
 * the variable).
 */
@Component
class AssessmentCaseApprovalPolicy implements ApprovalPolicy {

    private final AssessmentProperties properties;

    AssessmentCaseApprovalPolicy(AssessmentProperties properties) {
        this.properties = properties;
    }

    @Override
    public String processKey() {
        return AssessmentCaseProcess.KEY;
    }

    @Override
    public Set<String> pointsOfNoReturn() {
        return Set.of(Elements.FINALISE, Elements.SEND_SUGGESTION);
    }

    @Override
    public Map<String, Object> beforeReopening(String taskKey, Map<String, Object> variables) {
        if (!Elements.SELF_EVALUATE.equals(taskKey)) {
            return Map.of();
        }
        // whole seconds: the engine keeps due dates and timers without milliseconds on MariaDB/MySQL
        LocalDateTime due = CaseClock.now().truncatedTo(ChronoUnit.SECONDS).plusDays(properties.selfEvaluationDays());
        Map<String, Object> refreshed = new LinkedHashMap<>();
        refreshed.put(Vars.SELF_EVALUATION_DUE, CaseClock.toDate(due));
        refreshed.put(Vars.SELF_EVALUATION_DUE_TEXT, AttachFiguresDelegate.DISPLAY.format(due));
        return refreshed;
    }
}
