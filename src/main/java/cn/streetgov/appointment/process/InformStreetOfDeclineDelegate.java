package cn.streetgov.appointment.process;

import cn.streetgov.casework.NoticeKind;
import static cn.streetgov.appointment.process.SuggestionProcess.*;

import cn.streetgov.appointment.domain.Suggestion;
import cn.streetgov.appointment.domain.SuggestionService;
import cn.streetgov.org.domain.PostRole;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the department's reasons for declining to the street committee. */
@Component
class InformStreetOfDeclineDelegate implements JavaDelegate {

    private final SuggestionService service;

    InformStreetOfDeclineDelegate(SuggestionService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(SUGGESTION_ID)).longValue();
        Suggestion s = service.require(id);
        service.notify(id, NoticeKind.CASE_END, PostRole.STREET_COMMITTEE.groupId(s.getOrgCode()),
                "建议 " + s.getSuggestionNo() + " 未被采纳，理由：" + s.getAnswerComment());
    }
}
