package cn.streetgov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.IntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Full history without variable details: every variable's latest value is kept, no row per write. */
@IntegrationTest
class HistoryWithoutDetailsPluginTest {

    static final String PROCESS = "history-details-probe";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    private String deploymentId;

    @AfterEach
    void cleanUp() {
        if (deploymentId != null) {
            repositoryService.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void keepsTheLatestValueOfEveryVariableButNoDetailOfEachWrite() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel())
                .isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
        deploymentId = repositoryService.createDeployment().name(PROCESS)
                .addString(PROCESS + ".bpmn", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_probe" targetNamespace="test">
                          <process id="%s" name="probe" isExecutable="true" camunda:historyTimeToLive="1">
                            <startEvent id="startEvent_probe"/>
                            <sequenceFlow id="flow_startToWait" sourceRef="startEvent_probe" targetRef="userTask_wait"/>
                            <userTask id="userTask_wait" camunda:candidateGroups="camunda-admin"/>
                            <sequenceFlow id="flow_waitToEnd" sourceRef="userTask_wait" targetRef="endEvent_probe"/>
                            <endEvent id="endEvent_probe"/>
                          </process>
                        </definitions>
                        """.formatted(PROCESS)).deploy().getId();
        String id = runtimeService.startProcessInstanceByKey(PROCESS, "PROBE-" + System.nanoTime(),
                Map.of("decision", "FIRST")).getId();
        runtimeService.setVariable(id, "decision", "SECOND");
        taskService.complete(taskService.createTaskQuery().processInstanceId(id).singleResult().getId(),
                Map.of("decision", "THIRD"));

        HistoricVariableInstance decision = historyService.createHistoricVariableInstanceQuery().processInstanceId(id)
                .variableName("decision").singleResult();
        assertThat(decision.getValue()).isEqualTo("THIRD");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(id).count()).isEqualTo(3);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).finished().count()).isOne();
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(id).count()).isZero();
    }
}
