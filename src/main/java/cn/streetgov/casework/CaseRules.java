package cn.streetgov.casework;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * DMN decisions that a workflow evaluates from Java on behalf of a case, bound as a business rule
 * task with {@code decisionRefBinding="deployment"} is: the decision of the deployment that holds
 * the case's process, so that a running case keeps the rules it started with and an administrator's
 * changed table reaches new cases only. A process deployed without the decision (before every
 * deployment carried all the files) gets the version that was the latest when it was deployed.
 * Call it from a delegate or listener (inside the engine's command); the evaluation runs on behalf
 * of the process, without the caller's permissions on decisions, as a business rule task does.
 */
public final class CaseRules {

    private CaseRules() {
    }

    /** One decision of a case's deployment. */
    public record Decision(String definitionId) {

        public DmnDecisionResult evaluate(Map<String, Object> variables) {
            return Context.getCommandContext().runWithoutAuthorization(() -> Context.getProcessEngineConfiguration()
                    .getDecisionService().evaluateDecisionById(definitionId).variables(variables).evaluate());
        }
    }

    /**
     * The decision {@code key} of the case that {@code scope} belongs to (its
     * {@link DelegateExecution} or {@link DelegateTask}).
     */
    public static Decision of(VariableScope scope, String key) {
        String processDefinitionId = scope instanceof DelegateTask task ? task.getProcessDefinitionId()
                : ((DelegateExecution) scope).getProcessDefinitionId();
        return Context.getCommandContext().runWithoutAuthorization(() -> {
            RepositoryService repository = Context.getProcessEngineConfiguration().getRepositoryService();
            String deploymentId = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
            DecisionDefinition own = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                    .deploymentId(deploymentId).singleResult();
            if (own != null) {
                return new Decision(own.getId());
            }
            Date deployedAt = deploymentTime(repository, deploymentId);
            for (DecisionDefinition earlier : repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                    .orderByDecisionDefinitionVersion().desc().list()) {
                if (!deploymentTime(repository, earlier.getDeploymentId()).after(deployedAt)) {
                    return new Decision(earlier.getId());
                }
            }
            throw new ProcessEngineException("决策表 " + key + " 未部署（流程 " + processDefinitionId + "）");
        });
    }

    private static Date deploymentTime(RepositoryService repository, String deploymentId) {
        return repository.createDeploymentQuery().deploymentId(deploymentId).singleResult().getDeploymentTime();
    }
}
