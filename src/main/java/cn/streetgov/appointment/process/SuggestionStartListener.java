package cn.streetgov.appointment.process;

import cn.streetgov.common.PlainVariables;
import static cn.streetgov.appointment.process.SuggestionProcess.*;

import cn.streetgov.appointment.domain.AppointmentProperties;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.appointment.domain.Suggestion;
import cn.streetgov.appointment.domain.SuggestionService;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Start of {@code street-suggestion} (from Tasklist or by message): validates and records the
 * suggestion, or the street's proposal of the holder of one of its own posts ({@code postType}).
 */
@Component
class SuggestionStartListener implements ExecutionListener {

    private final SuggestionService service;
    private final AppointmentProperties properties;

    SuggestionStartListener(SuggestionService service, AppointmentProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = auth == null ? null : auth.getUserId();
        List<String> groups = auth == null ? null : (auth.getGroupIds() == null ? List.of() : auth.getGroupIds());
        Suggestion s = service.open(PlainVariables.of(execution), user, groups, execution.getProcessInstanceId(),
                properties.suggestionAnswerPeriod());
        execution.setProcessBusinessKey(s.getSuggestionNo());
        execution.setVariable(SUGGESTION_ID, s.getId());
        execution.setVariable(POST_TYPE, s.getPostType().name());
        execution.setVariable(ORG_CODE, s.getOrgCode());
        execution.setVariable(DEPT_CODE, s.getDeptCode());
        execution.setVariable(ANSWER_DEADLINE, CaseClock.toDate(s.getAnswerDeadline()));
        execution.setVariable(SUGGESTION_SUMMARY, service.summary(s.getId()));
    }
}
