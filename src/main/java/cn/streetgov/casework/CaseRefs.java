package cn.streetgov.casework;

import cn.streetgov.common.PlainVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/** How the kernel names a case of the engine: its case number and its process key. */
public final class CaseRefs {

    /** The variable a case without a business key keeps its number in. */
    public static final String CASE_NO = "caseNo";

    private CaseRefs() {
    }

    /** The case number: the business key (every workflow sets it at start), else {@code caseNo}. */
    public static String caseNo(DelegateExecution execution) {
        String caseNo = execution.getProcessBusinessKey();
        if (caseNo != null) {
            return caseNo;
        }
        Object variable = PlainVariables.value(execution, CASE_NO);
        return variable == null ? execution.getProcessInstanceId() : variable.toString();
    }

    public static String processKey(DelegateExecution execution) {
        if (execution instanceof ExecutionEntity entity && entity.getProcessDefinition() != null) {
            return entity.getProcessDefinition().getKey();
        }
        String id = execution.getProcessDefinitionId();
        return id == null ? "" : id.split(":")[0];
    }
}
