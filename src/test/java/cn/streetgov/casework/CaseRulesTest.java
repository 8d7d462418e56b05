package cn.streetgov.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.IntegrationTest;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A decision evaluated from Java is the one of the case's own deployment; a process deployed without
 * it (as before every deployment carried all files) gets the version that was the latest then.
 */
@IntegrationTest
class CaseRulesTest {

    static final String PROCESS = "case-decisions-probe";
    static final String OTHER_PROCESS = "case-decisions-probe-other";
    static final String DECISION = "case-decisions-probe-rule";

    /** The probe's service task: evaluates the rule for its case. */
    public static class EvaluateRule implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("answer", CaseRules.of(execution, DECISION).evaluate(Map.of())
                    .getSingleResult().getEntry("answer"));
        }
    }

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    private final List<String> deployments = new ArrayList<>();
    private long minute;

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void shouldEvaluateTheRuleOfTheCasesDeploymentOrTheOneInForceWhenItWasDeployed() {
        String withRule = deploy(PROCESS, "v1");
        // the rule changed, deployed with another process that uses it: a case of the first
        // deployment still answers with its own rule
        deploy(OTHER_PROCESS, "v2");
        assertThat(answerOf(withRule)).isEqualTo("v1");

        // a process deployed without the rule (as before every deployment carried all files)
        String withoutRule = deploy(PROCESS, null);
        assertThat(answerOf(withoutRule)).isEqualTo("v2");
        deploy(OTHER_PROCESS, "v3");
        assertThat(answerOf(withoutRule)).isEqualTo("v2");
        assertThat(answerOf(withRule)).isEqualTo("v1");
        // evaluated on the DMN engine itself: the answers live in the workflows' tables, not in decision history
        assertThat(historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey(DECISION).count()).isZero();
    }

    @Test
    void shouldKeepTheAnswerToTheSameInputsAndAskAgainForOthers() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String id = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("delegation-eligibility")
                .latestVersion().singleResult().getId();
        configuration.getCommandExecutorTxRequired().execute(context -> {
            CaseRules.Decision rule = CaseRules.Decision.of(configuration.getDeploymentCache()
                    .findDeployedDecisionDefinitionById(id));
            Map<String, Object> central = new java.util.HashMap<>(Map.of("category", "LICENSING", "domain", "MARKET",
                    "method", "DEVOLVE", "targetType", "STREET", "targetCentral", true));
            Map<String, Object> town = new java.util.HashMap<>(central);
            town.put("targetType", "TOWN");
            town.put("targetCentral", false);
            var first = rule.evaluate(central);
            assertThat(first.getSingleResult().<Boolean>getEntry("eligible")).isFalse();
            assertThat(rule.evaluate(new java.util.HashMap<>(central))).isSameAs(first);
            var other = rule.evaluate(town);
            assertThat(other).isNotSameAs(first);
            assertThat(other.getSingleResult().<Boolean>getEntry("eligible")).isTrue();
            return null;
        });
    }

    private Object answerOf(String processDefinitionId) {
        String id = runtimeService.startProcessInstanceById(processDefinitionId, "PROBE-" + System.nanoTime()).getId();
        return runtimeService.getVariable(id, "answer");
    }

    /** Deploys {@code process} with the rule answering {@code answer} (none if null), a minute after the last. */
    private String deploy(String process, String answer) {
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + ++minute * 60_000L));
        var builder = repositoryService.createDeployment().name(PROCESS + "-" + System.nanoTime())
                .addString(process + ".bpmn", bpmn(process, "probe " + minute));
        if (answer != null) {
            builder.addString(DECISION + ".dmn", dmn(answer));
        }
        String deploymentId = builder.deploy().getId();
        deployments.add(deploymentId);
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId)
                .singleResult();
        return definition.getId();
    }

    private static String bpmn(String key, String name) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_probe" targetNamespace="test">
                  <process id="%1$s" name="%2$s" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="startEvent_probe"/>
                    <sequenceFlow id="flow_startToRule" sourceRef="startEvent_probe" targetRef="serviceTask_rule"/>
                    <serviceTask id="serviceTask_rule" camunda:class="%3$s"/>
                    <sequenceFlow id="flow_ruleToWait" sourceRef="serviceTask_rule" targetRef="userTask_wait"/>
                    <userTask id="userTask_wait" camunda:candidateGroups="camunda-admin"/>
                  </process>
                </definitions>
                """.formatted(key, name, EvaluateRule.class.getName());
    }

    private static String dmn(String answer) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                             xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="definitions_rule"
                             name="probe" namespace="test">
                  <decision id="%1$s" name="probe rule" camunda:historyTimeToLive="1">
                    <variable name="answer" typeRef="string"/>
                    <literalExpression><text>"%2$s"</text></literalExpression>
                  </decision>
                </definitions>
                """.formatted(DECISION, answer);
    }
}
