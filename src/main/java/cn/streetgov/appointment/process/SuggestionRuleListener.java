package cn.streetgov.appointment.process;

import static cn.streetgov.appointment.process.SuggestionProcess.*;

import cn.streetgov.appointment.domain.StreetPost;
import cn.streetgov.appointment.domain.SuggestionService;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.common.InvalidInputException;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of the business rule task {@code consultation-mode} in {@code street-suggestion}: a street's
 * own post goes the street's way only where the rules say so (mode {@code STREET_PROPOSAL}, the
 * organisation department deciding); any other rule for the post refuses the start with the reason,
 * so nothing is half-written. Sets the department's consent deadline from the rule's days.
 */
@Component
class SuggestionRuleListener implements ExecutionListener {

    private final SuggestionService service;

    SuggestionRuleListener(SuggestionService service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> rule = (Map<String, Object>) execution.getVariable(RULE_RESULT);
        StreetPost post = StreetPost.valueOf((String) execution.getVariable(POST_TYPE));
        String mode = rule == null ? null : (String) rule.get(CONSULTATION_MODE);
        String authority = rule == null ? null : (String) rule.get(FINAL_AUTHORITY);
        if (!MODE_STREET_PROPOSAL.equals(mode) || !"ORG_DEPT".equals(authority)) {
            throw new InvalidInputException("按任免规则（决策表 " + DECISION_KEY + "），" + post.label()
                    + "的任免不由街道提名，请由相关部门发起任免征求意见");
        }
        int days = ((Number) rule.get(REPLY_DAYS)).intValue();
        long id = ((Number) execution.getVariable(SUGGESTION_ID)).longValue();
        LocalDateTime deadline = service.consentDeadline(id, days);
        execution.removeVariable(RULE_RESULT);
        execution.setVariable(CONSULTATION_MODE, mode);
        execution.setVariable(FINAL_AUTHORITY, authority);
        execution.setVariable(REPLY_DAYS, days);
        execution.setVariable(ANSWER_DEADLINE, CaseClock.toDate(deadline));
    }
}
