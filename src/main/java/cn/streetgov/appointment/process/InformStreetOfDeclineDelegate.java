package cn.streetgov.appointment.process;

import cn.streetgov.casework.ModellingDelegate;
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
@ModellingDelegate(name = "告知街道建议未采纳",
        description = "把部门不采纳的理由（或街道岗位人选未获部门同意、组织部批准的理由）通知提出建议的街道/镇党(工)委。读取案件变量 suggestionId（street-suggestion 流程）")
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
                (s.isNomination() ? "人选提名 " + s.getSuggestionNo() + " 未获同意，" : "建议 " + s.getSuggestionNo()
                        + " 未被采纳，理由：") + s.getAnswerComment());
    }
}
