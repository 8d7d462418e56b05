package cn.streetgov.whistle.process;

import static cn.streetgov.whistle.process.WhistleProcess.string;
import static cn.streetgov.whistle.process.WhistleProcess.stringList;

import cn.streetgov.whistle.domain.WhistleCaseService;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Entering {@code gateway_dissuadeFirst}, right after the routing rule (in the start's transaction;
 * the rule's output mapping is applied only after the rule task's end listeners): the departments the
 * whistle will summon — the rule's or the street's choice, with its reason — are checked at once, so
 * a refusal refuses the start and writes nothing, even when the street dissuades first and the
 * departments are summoned only later.
 */
@Component("whistleRoutingListener")
class WhistleRoutingListener implements ExecutionListener {

    private final WhistleCaseService cases;

    WhistleRoutingListener(WhistleCaseService cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
        cases.checkRouting((Long) execution.getVariable(Vars.CASE_ID), stringList(execution.getVariable(Vars.DEPT_CODES)),
                stringList(execution.getVariable(Vars.ROUTED_DEPT_CODES)), string(execution.getVariable(Vars.ROUTING_REASON)));
    }
}
