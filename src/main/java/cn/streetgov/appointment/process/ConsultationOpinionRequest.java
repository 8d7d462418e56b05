package cn.streetgov.appointment.process;

import static cn.streetgov.appointment.process.ConsultationProcess.*;

import cn.streetgov.casework.OpinionRequest;
import cn.streetgov.org.domain.PostRole;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What {@code cadre-consultation} asks of the street committee by the reply deadline (the kernel's
 * opinion-with-deadline): a meeting and its opinion on the appointment; a missed deadline goes to
 * 组织部 (the BPMN's task {@code userTask_handleNoReply}).
 */
@Component
class ConsultationOpinionRequest implements OpinionRequest {

    @Override
    public String processKey() {
        return KEY;
    }

    @Override
    public String askedGroup(VariableScope scope) {
        return PostRole.STREET_COMMITTEE.groupId((String) scope.getVariable(ORG_CODE));
    }

    @Override
    public String askedFor(VariableScope scope) {
        return "召开会议并答复任免意见";
    }

    @Override
    public String overdueGroup(VariableScope scope) {
        return PostRole.ORG_DEPT.groupId(null);
    }

    @Override
    public String overdueMessage(VariableScope scope) {
        return "街道党(工)委逾期未答复，请督办或记录未答复";
    }
}
