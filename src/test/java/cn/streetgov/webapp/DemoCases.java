package cn.streetgov.webapp;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import cn.streetgov.test.Officials;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Cases the browser tests start through the engine, as the demo officials would in Tasklist. */
final class DemoCases {

    private DemoCases() {
    }

    /**
     * A power delegation of 城管 to 东华街道 (one licensing item: no legal review) whose capacity review
     * 东华街道's office ({@code s01-off}) has accepted; it waits for 区委编办.
     */
    static ProcessInstance delegationAtStaffingConfirmation(ProcessEngine engine) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.DEPT_CODE, "CGZF");
        vars.put(Vars.POWER_ITEM_CODES, "CGZF-XK-001");
        vars.put(Vars.TARGET_ORG_CODES, "S01");
        vars.put(Vars.DELEGATION_METHOD, "DEVOLVE");
        vars.put(Vars.LEGAL_BASIS, "《城市道路管理条例》（" + "第 " + (System.nanoTime() % 1000000) + " 号" + "）");
        vars.put(Vars.REASON, "直接面向群众，由街道承担更方便有效");
        vars.put(Vars.STAFFING_TRANSFER, 1);
        vars.put(Vars.EFFECTIVE_DATE, CaseClock.today().toString());
        ProcessInstance instance = Officials.as(engine, "cgzf-off",
                () -> engine.getRuntimeService().startProcessInstanceByKey(PowerDelegationProcess.KEY, vars));
        Task review = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(PowerDelegationProcess.REVIEW_CAPACITY).singleResult();
        Officials.complete(engine, "s01-off", review, Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        return instance;
    }

    static String caseNo(ProcessEngine engine, ProcessInstance instance) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getBusinessKey();
    }
}
