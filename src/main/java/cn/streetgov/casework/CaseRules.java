package cn.streetgov.casework;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionImpl;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * DMN decisions that a workflow evaluates from Java on behalf of a case, bound as a business rule
 * task with {@code decisionRefBinding="deployment"} is: the decision of the deployment that holds
 * the case's process, so that a running case keeps the rules it started with and an administrator's
 * changed table reaches new cases only. A process deployed without the decision (before every
 * deployment carried all the files) gets the version that was the latest when it was deployed.
 * Call it from a delegate or listener (inside the engine's command); the evaluation runs on behalf
 * of the process, without the caller's permissions on decisions, as a business rule task does, but
 * straight on the engine's DMN engine and its cached definition: no command and no decision history
 * (the workflows keep each answer in their own tables and audit trail; measured, the history was 33
 * inserts of a delegation case's start). Which decision a process definition uses is found once
 * per engine: a deployment's files never change.
 */
public final class CaseRules {

    private CaseRules() {
    }

    /**
     * One decision of a case's deployment: its id and its logic, taken from the deployed definition
     * into a decision that is not a deployed definition, so that the engine's DMN engine writes no
     * history for it. A deployed table never changes and ours use no clock, so the answer to the same
     * inputs (texts, numbers, truth values) is the same: it is kept, up to {@value #ANSWERS_KEPT}
     * answers a decision (FEEL parses every rule's expressions again on each evaluation: measured, a
     * tenth of a delegation case's CPU time went to four evaluations of the eligibility table).
     */
    public record Decision(String definitionId, DmnDecision logic, Map<Map<String, Object>, DmnDecisionResult> answers) {

        static final int ANSWERS_KEPT = 1_000;

        public DmnDecisionResult evaluate(Map<String, Object> variables) {
            boolean plain = variables.values().stream().allMatch(v -> v == null || v instanceof String
                    || v instanceof Number || v instanceof Boolean);
            Map<String, Object> key = plain ? new HashMap<>(variables) : null;
            DmnDecisionResult known = key == null ? null : answers.get(key);
            if (known != null) {
                return known;
            }
            DmnDecisionResult result = Context.getProcessEngineConfiguration().getDmnEngine().evaluateDecision(logic, variables);
            if (key != null && answers.size() < ANSWERS_KEPT) {
                answers.put(key, result);
            }
            return result;
        }

        static Decision of(DecisionDefinitionEntity definition) {
            DmnDecisionImpl logic = new DmnDecisionImpl();
            logic.setKey(definition.getKey());
            logic.setName(definition.getName());
            logic.setDecisionLogic(definition.getDecisionLogic());
            logic.setRequiredDecision(new ArrayList<>(definition.getRequiredDecisions()));
            return new Decision(definition.getId(), logic, new ConcurrentHashMap<>());
        }
    }

    /** Per engine: process definition id and decision key → the decision. */
    private static final Map<ProcessEngineConfigurationImpl, Map<String, Decision>> RESOLVED =
            Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The decision {@code key} of the case that {@code scope} belongs to (its
     * {@link DelegateExecution} or {@link DelegateTask}).
     */
    public static Decision of(VariableScope scope, String key) {
        String processDefinitionId = scope instanceof DelegateTask task ? task.getProcessDefinitionId()
                : ((DelegateExecution) scope).getProcessDefinitionId();
        Map<String, Decision> resolved = RESOLVED.computeIfAbsent(Context.getProcessEngineConfiguration(),
                c -> new ConcurrentHashMap<>());
        String cacheKey = processDefinitionId + '\n' + key;
        Decision decision = resolved.get(cacheKey);
        if (decision == null) {
            decision = resolve(processDefinitionId, key);
            resolved.put(cacheKey, decision);
        }
        return decision;
    }

    private static Decision resolve(String processDefinitionId, String key) {
        return Context.getCommandContext().runWithoutAuthorization(() -> {
            RepositoryService repository = Context.getProcessEngineConfiguration().getRepositoryService();
            String deploymentId = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
            DecisionDefinition own = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                    .deploymentId(deploymentId).singleResult();
            if (own != null) {
                return deployed(own.getId());
            }
            Date deployedAt = deploymentTime(repository, deploymentId);
            for (DecisionDefinition earlier : repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                    .orderByDecisionDefinitionVersion().desc().list()) {
                if (!deploymentTime(repository, earlier.getDeploymentId()).after(deployedAt)) {
                    return deployed(earlier.getId());
                }
            }
            throw new ProcessEngineException("决策表 " + key + " 未部署（流程 " + processDefinitionId + "）");
        });
    }

    private static Decision deployed(String definitionId) {
        return Decision.of(Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedDecisionDefinitionById(definitionId));
    }

    private static Date deploymentTime(RepositoryService repository, String deploymentId) {
        return repository.createDeploymentQuery().deploymentId(deploymentId).singleResult().getDeploymentTime();
    }
}
