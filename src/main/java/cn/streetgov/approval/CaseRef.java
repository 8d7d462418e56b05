package cn.streetgov.approval;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/**
 * A case as the approval operations name it: its engine instance, case number, process key and
 * name.
 */
record CaseRef(String processInstanceId, String caseNo, String processKey, String processName,
        String processDefinitionId, boolean running) {

    static CaseRef of(EngineWork engine, HistoryService history, String processInstanceId) {
        return engine.privileged(() -> {
            HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                    .processInstanceId(processInstanceId).singleResult();
            if (instance == null) {
                return null;
            }
            String caseNo = instance.getBusinessKey();
            if (caseNo == null) {
                HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery()
                        .processInstanceId(processInstanceId).variableName("caseNo").singleResult();
                caseNo = variable != null && variable.getValue() != null ? variable.getValue().toString()
                        : processInstanceId;
            }
            return new CaseRef(processInstanceId, caseNo, instance.getProcessDefinitionKey(),
                    instance.getProcessDefinitionName(), instance.getProcessDefinitionId(),
                    instance.getEndTime() == null);
        });
    }
}
