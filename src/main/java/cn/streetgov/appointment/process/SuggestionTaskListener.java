package cn.streetgov.appointment.process;

import cn.streetgov.casework.Actor;
import static cn.streetgov.appointment.process.SuggestionProcess.*;

import cn.streetgov.appointment.domain.ConsultationRequests;
import cn.streetgov.appointment.domain.SuggestionService;
import cn.streetgov.common.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The department's answer to a suggestion: ACCEPT or DECLINE; a decline needs reasons (the
 * street reads them). Accepting starts the consultation (next service task), which checks the
 * candidate, post and level like any proposal.
 */
@Component
class SuggestionTaskListener implements TaskListener {

    private final SuggestionService service;

    SuggestionTaskListener(SuggestionService service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!ANSWER.equals(task.getTaskDefinitionKey())) {
            return;
        }
        String decision = ConsultationProcess.text(task.getVariable(DECISION));
        String comment = ConsultationProcess.text(task.getVariable(COMMENT));
        if (!ACCEPT.equals(decision) && !DECLINE.equals(decision)) {
            throw new InvalidInputException("请选择答复（采纳 ACCEPT / 不予采纳 DECLINE）");
        }
        if (comment != null && comment.length() > ConsultationRequests.MAX_TEXT) {
            throw new InvalidInputException("答复意见不能超过 " + ConsultationRequests.MAX_TEXT + " 字");
        }
        if (DECLINE.equals(decision)) {
            if (comment == null) {
                throw new InvalidInputException("不予采纳须说明理由（街道可见）");
            }
            long id = ((Number) task.getVariable(SUGGESTION_ID)).longValue();
            service.decline(id, comment, Actor.of(task).userId());
            task.getExecution().setVariable(OUTCOME, "DECLINED");
            task.getExecution().setVariable(SUGGESTION_SUMMARY, service.summary(id));
        }
    }
}
