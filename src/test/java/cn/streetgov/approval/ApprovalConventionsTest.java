package cn.streetgov.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.casework.ApprovalPolicy;
import cn.streetgov.casework.TaskDecisions;
import cn.streetgov.test.IntegrationTest;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the approval operations rely on in every model: a multi-instance task records its element
 * (the street, the department) with its decision, so that a return or a withdrawal reopens it for
 * the same one; and every step a policy names exists in its process.
 */
@IntegrationTest
class ApprovalConventionsTest {

    @Autowired
    List<TaskDecisions> declarations;
    @Autowired
    List<ApprovalPolicy> policies;

    @Test
    void everyMultiInstanceUserTaskRecordsItsElementWithItsDecision() {
        int checked = 0;
        for (File file : models()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file);
            ProcessGraph graph = new ProcessGraph(model);
            String key = model.getModelElementsByType(Process.class).iterator().next().getId();
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                Optional<ProcessGraph.MultiInstance> multi = graph.multiInstance(task.getId());
                if (multi.isEmpty()) {
                    continue;
                }
                TaskDecisions.TaskDecision declared = declaration(key).get(task.getId());
                assertThat(declared).as("declaration of %s in %s", task.getId(), key).isNotNull();
                assertThat(declared.context()).as("context of %s in %s", task.getId(), key)
                        .contains(multi.get().elementVariable());
                checked++;
            }
        }
        assertThat(checked).as("multi-instance user tasks checked").isGreaterThanOrEqualTo(3);
    }

    @Test
    void everyStepAPolicyNamesExistsInItsProcess() {
        for (ApprovalPolicy policy : policies) {
            BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/" + policy.processKey() + ".bpmn"));
            ProcessGraph graph = new ProcessGraph(model);
            for (String step : policy.pointsOfNoReturn()) {
                assertThat(graph.node(step)).as("%s of %s", step, policy.processKey()).isPresent();
            }
            for (String step : policy.notReturnable()) {
                assertThat(graph.isUserTask(step)).as("%s of %s", step, policy.processKey()).isTrue();
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String revise = policy.starterRevise(task.getId());
                if (revise != null) {
                    assertThat(graph.isUserTask(revise)).as("revise step %s", revise).isTrue();
                    assertThat(graph.leadsTo(revise, task.getId())).as("%s leads back to %s", revise, task.getId())
                            .isTrue();
                }
            }
        }
        assertThat(policies).extracting(ApprovalPolicy::processKey)
                .contains("power-delegation", "cadre-consultation", "whistle-dispatch", "agency-assessment-case");
    }

    private Map<String, TaskDecisions.TaskDecision> declaration(String processKey) {
        return declarations.stream().filter(d -> d.processKey().equals(processKey)).findFirst()
                .map(TaskDecisions::byTask).orElse(Map.of());
    }

    private static File[] models() {
        return new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn"));
    }
}
