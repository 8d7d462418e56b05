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
 * task, which checks the candidate, post and level like any proposal. For a street's own post the
 * department's consent is written to the suggestion, and a refusal by the department or the
 * organisation department declines it with the reasons (the approval is applied by
 * {@code serviceTask_appointStreetPost}).
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
        String step = task.getTaskDefinitionKey();
        long id = task.getVariable(SUGGESTION_ID) == null ? -1 : ((Number) task.getVariable(SUGGESTION_ID)).longValue();
        if (ANSWER.equals(step) && DECLINE.equals(decision.decision())) {
            service.decline(id, decision.comment(), decision.actor().userId());
            declined(task, id, DECLINED);
        } else if (DEPT_CONSENT.equals(step) && CONSENT.equals(decision.decision())) {
            service.consent(id, decision.comment(), decision.actor().userId());
            task.getExecution().setVariable(SUGGESTION_SUMMARY, service.summary(id));
        } else if (DEPT_CONSENT.equals(step) && REFUSE.equals(decision.decision())) {
            service.decline(id, "区级业务主管部门不同意：" + decision.comment(), decision.actor().userId());
            declined(task, id, NOT_APPROVED);
        } else if (APPROVE_NOMINATION.equals(step) && REJECT.equals(decision.decision())) {
            service.decline(id, "区委组织部不予批准：" + decision.comment(), decision.actor().userId());
            declined(task, id, NOT_APPROVED);
        }
    }

    private void declined(DelegateTask task, long id, String outcome) {
        task.getExecution().setVariable(OUTCOME, outcome);
        task.getExecution().setVariable(SUGGESTION_SUMMARY, service.summary(id));
    }
}
