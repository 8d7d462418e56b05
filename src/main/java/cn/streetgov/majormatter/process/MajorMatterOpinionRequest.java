package cn.streetgov.majormatter.process;

import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.casework.OpinionRequest;
import cn.streetgov.majormatter.domain.MajorMatterService;
import cn.streetgov.majormatter.process.MajorMatterProcess.Vars;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.PostRole;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What major-matter-consultation asks of each affected street committee by the opinion deadline
 * (the kernel's opinion-with-deadline): a meeting and its opinion on the matter; at the deadline the
 * street's opinion is recorded as 逾期未反馈 and the sender is told.
 */
@Component
class MajorMatterOpinionRequest implements OpinionRequest {

    private final MajorMatterService matters;
    private final DecisionRecord decisions;
    private final OrgDirectory org;

    MajorMatterOpinionRequest(MajorMatterService matters, DecisionRecord decisions, OrgDirectory org) {
        this.matters = matters;
        this.decisions = decisions;
        this.org = org;
    }

    private String street(VariableScope scope) {
        String code = (String) scope.getVariable(Vars.ORG_CODE);
        return org.nameOf(code).orElse(code);
    }

    @Override
    public String processKey() {
        return MajorMatterProcess.KEY;
    }

    @Override
    public String askedGroup(VariableScope scope) {
        return PostRole.STREET_COMMITTEE.groupId((String) scope.getVariable(Vars.ORG_CODE));
    }

    @Override
    public String askedFor(VariableScope scope) {
        return "召开会议，就" + scope.getVariable(Vars.MATTER_TYPE_LABEL) + "《" + scope.getVariable(Vars.TITLE)
                + "》反馈意见（逾期记为未反馈）";
    }

    @Override
    public String overdueGroup(VariableScope scope) {
        return (String) scope.getVariable(Vars.SENDER_GROUP);
    }

    @Override
    public String overdueMessage(VariableScope scope) {
        return street(scope) + "党(工)委逾期未反馈意见，已记为逾期未反馈";
    }

    @Override
    public void overdue(DelegateExecution execution) {
        matters.recordOverdue(((Number) execution.getVariable(Vars.CASE_ID)).longValue(),
                (String) execution.getVariable(Vars.ORG_CODE));
        decisions.recordSystem(execution, MajorMatterProcess.OVERDUE, street(execution) + "逾期未反馈意见");
    }
}
