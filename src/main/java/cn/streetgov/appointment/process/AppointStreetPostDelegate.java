package cn.streetgov.appointment.process;

import static cn.streetgov.appointment.process.SuggestionProcess.*;

import cn.streetgov.appointment.domain.SuggestionService;
import cn.streetgov.casework.ModellingDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The organisation department has approved the street's candidate: the proposal is recorded as
 * approved (the post's holder in {@code GET /api/appointment/street-posts}) and the street is told.
 */
@Component
@ModellingDelegate(name = "批复街道岗位人选",
        description = "记录区委组织部批准的街道岗位人选并通知街道/镇党(工)委。读取案件变量 suggestionId、orgDeptComment（street-suggestion 流程）")
class AppointStreetPostDelegate implements JavaDelegate {

    private final SuggestionService service;

    AppointStreetPostDelegate(SuggestionService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(SUGGESTION_ID)).longValue();
        Object comment = execution.getVariable(APPROVAL_COMMENT);
        service.approveNomination(id, comment == null || comment.toString().isBlank() ? null : comment.toString(),
                lastApprover(execution));
        execution.setVariable(OUTCOME, APPOINTED);
        execution.setVariable(SUGGESTION_SUMMARY, service.summary(id));
    }

    /** Who approved: the official completing the approval (this task runs in that transaction). */
    private static String lastApprover(DelegateExecution execution) {
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth == null ? null : auth.getUserId();
    }
}
