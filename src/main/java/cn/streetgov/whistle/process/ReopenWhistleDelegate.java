package cn.streetgov.whistle.process;

import cn.streetgov.casework.ModellingDelegate;
import cn.streetgov.whistle.domain.WhistleCase;
import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.whistle.domain.WhistleCaseService;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Low satisfaction at the follow-up visit: the case goes back to joint handling (once). */
@Component("reopenWhistleDelegate")
@ModellingDelegate(name = "重新处置吹哨案件",
        description = "群众回访不满意时把案件退回联合处置（计入 reopenCount），并记入审批记录。读取案件变量 caseId（whistle-dispatch 流程）")
class ReopenWhistleDelegate implements JavaDelegate {

    private final WhistleCaseService cases;
    private final DecisionRecord decisions;

    ReopenWhistleDelegate(WhistleCaseService cases, DecisionRecord decisions) {
        this.cases = cases;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WhistleCase whistle = cases.reopen((Long) execution.getVariable(Vars.CASE_ID));
        decisions.recordSystem(execution, WhistleProcess.REOPENED,
                "群众不满意（" + whistle.getSatisfaction() + " 分），重新处置");
        execution.setVariable(Vars.REOPEN_COUNT, whistle.getReopenCount());
    }
}
