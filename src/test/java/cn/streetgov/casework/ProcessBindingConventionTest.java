package cn.streetgov.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Every process in processes/ binds its forms, business rule tasks and call activities to its own
 * deployment: one left at "latest" would let an administrator's change reach running cases.
 */
class ProcessBindingConventionTest {

    @Test
    void everyFormDecisionAndCalledProcessIsBoundToTheDeployment() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("processes"))) {
            files = list.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        int references = 0;
        for (Path file : files) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (task.getCamundaFormRef() != null) {
                    assertThat(task.getCamundaFormRefBinding()).as(file + " " + task.getId()).isEqualTo("deployment");
                    references++;
                }
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    assertThat(start.getCamundaFormRefBinding()).as(file + " " + start.getId()).isEqualTo("deployment");
                    references++;
                }
            }
            for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
                assertThat(task.getCamundaDecisionRefBinding()).as(file + " " + task.getId()).isEqualTo("deployment");
                references++;
            }
            for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
                assertThat(call.getCamundaCalledElementBinding()).as(file + " " + call.getId()).isEqualTo("deployment");
                references++;
            }
        }
        assertThat(references).isGreaterThan(30);
    }
}
