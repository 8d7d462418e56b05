package cn.streetgov.majormatter.process;

import static cn.streetgov.majormatter.process.MajorMatterProcess.string;

import cn.streetgov.casework.DecisionHook;
import cn.streetgov.casework.RecordedDecision;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.majormatter.domain.MajorMatterService;
import cn.streetgov.majormatter.process.MajorMatterProcess.Elements;
import cn.streetgov.majormatter.process.MajorMatterProcess.Vars;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What major-matter-consultation does after the kernel has checked and recorded a decision: keeps
 * the street's opinion (its meeting not in the future), the sender's answer (told to the street) and
 * the decision (told to every affected street; also the case's {@code outcome}).
 */
@Component
class MajorMatterDecisionHook implements DecisionHook {

    private final MajorMatterService matters;

    MajorMatterDecisionHook(MajorMatterService matters) {
        this.matters = matters;
    }

    @Override
    public String processKey() {
        return MajorMatterProcess.KEY;
    }

    @Override
    public void onDecision(DelegateTask task, RecordedDecision decision) {
        long caseId = ((Number) task.getVariable(Vars.CASE_ID)).longValue();
        String by = decision.actor().userId();
        switch (task.getTaskDefinitionKey()) {
            case Elements.GIVE_OPINION -> {
                LocalDate meeting = meetingDate(task.getVariable(Vars.MEETING_DATE));
                matters.recordOpinion(caseId, string(task.getVariable(Vars.ORG_CODE)), decision.decision(),
                        decision.comment(), meeting, by);
                if (meeting != null) {
                    decision.amend(decision.decision(), Map.of(Vars.MEETING_DATE, meeting.toString()));
                }
            }
            case Elements.ANSWER_OPINION -> matters.recordAnswer(caseId, string(task.getVariable(Vars.ORG_CODE)),
                    decision.decision(), decision.comment(), by);
            case Elements.DECIDE -> {
                matters.decide(caseId, decision.decision(), decision.comment(), by);
                task.getExecution().getProcessInstance().setVariable(Vars.OUTCOME, decision.decision());
            }
            default -> {
                // no other user task
            }
        }
    }

    private static LocalDate meetingDate(Object value) {
        try {
            return MajorMatterService.date(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("会议日期格式无效，应为 yyyy-MM-dd: " + value);
        }
    }
}
