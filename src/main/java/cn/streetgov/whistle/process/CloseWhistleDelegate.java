package cn.streetgov.whistle.process;

import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.casework.ModellingDelegate;
import cn.streetgov.whistle.domain.WhistleCase;
import cn.streetgov.whistle.domain.WhistleCaseService;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 办结: outcome CLOSED, the reopen count recorded. */
@Component("closeWhistleDelegate")
@ModellingDelegate(name = "办结吹哨案件",
        description = "办结吹哨案件：outcome 设为 CLOSED，记下重新处置次数 reopenCount。读取案件变量 caseId（whistle-dispatch 流程）")
class CloseWhistleDelegate implements JavaDelegate {

    private final WhistleCaseService cases;
    private final DecisionRecord decisions;

    CloseWhistleDelegate(WhistleCaseService cases, DecisionRecord decisions) {
        this.cases = cases;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WhistleCase whistle = cases.close((Long) execution.getVariable(Vars.CASE_ID));
        decisions.recordSystem(execution, whistle.getOutcome(), null);
        execution.setVariable(Vars.OUTCOME, whistle.getOutcome());
        execution.setVariable(Vars.REOPEN_COUNT, whistle.getReopenCount());
    }
}
