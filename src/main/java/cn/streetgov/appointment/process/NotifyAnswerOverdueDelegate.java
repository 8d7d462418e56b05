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

/** The department's answer is overdue: the department and the organisation department are told. */
@Component
@ModellingDelegate(name = "督办部门答复街道建议",
        description = "通知部门和区委组织部：街道建议已超过答复期限。读取案件变量 suggestionId（street-suggestion 流程）")
class NotifyAnswerOverdueDelegate implements JavaDelegate {

    private final SuggestionService service;

    NotifyAnswerOverdueDelegate(SuggestionService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(SUGGESTION_ID)).longValue();
        Suggestion s = service.require(id);
        String message = "建议 " + s.getSuggestionNo() + " 已超过答复期限，请部门尽快答复";
        service.notify(id, NoticeKind.OVERDUE, PostRole.DEPARTMENT.groupId(s.getDeptCode()), message);
        service.notify(id, NoticeKind.OVERDUE, PostRole.ORG_DEPT.groupId(null), message);
    }
}
