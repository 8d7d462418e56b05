package cn.streetgov.whistle.process;

import cn.streetgov.whistle.domain.WhistleCaseService;
import cn.streetgov.whistle.process.WhistleProcess.Elements;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Low satisfaction at the follow-up visit: the case goes back to joint handling (once). */
@Component("reopenWhistleDelegate")
class ReopenWhistleDelegate implements JavaDelegate {

    private final WhistleCaseService cases;

    ReopenWhistleDelegate(WhistleCaseService cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int reopenCount = cases.reopen((Long) execution.getVariable(Vars.CASE_ID), Elements.REOPEN);
        execution.setVariable(Vars.REOPEN_COUNT, reopenCount);
    }
}
