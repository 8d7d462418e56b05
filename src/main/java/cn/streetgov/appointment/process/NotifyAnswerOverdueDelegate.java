package cn.streetgov.appointment.process;

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
