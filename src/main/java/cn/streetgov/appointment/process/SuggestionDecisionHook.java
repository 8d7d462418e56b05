package cn.streetgov.appointment.process;

import static cn.streetgov.appointment.process.SuggestionProcess.*;

import cn.streetgov.appointment.domain.SuggestionService;
import cn.streetgov.casework.DecisionHook;
import cn.streetgov.casework.RecordedDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What {@code street-suggestion} does after the kernel has checked and recorded the department's
 * answer ({@link SuggestionProcess#byTask()}): a decline is written to the suggestion with its
 * reasons, which the street then reads. Accepting starts the consultation in the next service
 * task, which checks the candidate, post and level like any proposal.
 */
@Component
class SuggestionDecisionHook implements DecisionHook {

    private final SuggestionService service;

    SuggestionDecisionHook(SuggestionService service) {
        this.service = service;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    @Override
    public void onDecision(DelegateTask task, RecordedDecision decision) {
        if (ANSWER.equals(task.getTaskDefinitionKey()) && DECLINE.equals(decision.decision())) {
            long id = ((Number) task.getVariable(SUGGESTION_ID)).longValue();
            service.decline(id, decision.comment(), decision.actor().userId());
            task.getExecution().setVariable(OUTCOME, DECLINED);
            task.getExecution().setVariable(SUGGESTION_SUMMARY, service.summary(id));
        }
    }
}
