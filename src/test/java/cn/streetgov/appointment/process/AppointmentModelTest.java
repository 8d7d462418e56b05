package cn.streetgov.appointment.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.casework.TaskDecisions;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Conventions of our BPMN files (STYLE.md), checked without the engine. */
class AppointmentModelTest {

    @ParameterizedTest
    @ValueSource(strings = {ConsultationProcess.KEY, SuggestionProcess.KEY})
    void shouldFollowTheModellingConventions(String key) throws Exception {
        BpmnModelInstance model;
        try (InputStream in = getClass().getResourceAsStream("/processes/" + key + ".bpmn")) {
            model = Bpmn.readModelFromStream(in);
        }
        Bpmn.validateModel(model);
        Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);
        for (UserTask task : userTasks) {
            assertThat(task.getName()).as(task.getId()).isNotBlank();
            assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
            String form = task.getCamundaFormRef();
            assertThat(form).as(task.getId()).isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
            Path file = Path.of("forms", form + ".form");
            assertThat(file).as(task.getId()).exists();
            assertThat(Files.readString(file)).contains("\"id\": \"" + form + "\"");
            boolean documented = task.getDocumentations().stream().anyMatch(d -> d.getTextContent().contains("无办理期限"));
            assertThat(task.getCamundaDueDate() != null || documented).as("due date of " + task.getId()).isTrue();
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            String bean = task.getCamundaDelegateExpression();
            // serviceTask_fooBar → #{fooBarDelegate} → FooBarDelegate
            assertThat(bean).as(task.getId()).isEqualTo("#{" + task.getId().substring("serviceTask_".length()) + "Delegate}");
        }
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(shapes).as("shape").contains(node.getId());
            assertThat(node.getId()).matches("(startEvent|endEvent|userTask|serviceTask|businessRuleTask|gateway|boundaryEvent)_[a-z][A-Za-z]+");
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            assertThat(edges).as("edge").contains(flow.getId());
            assertThat(flow.getId()).startsWith("flow_");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ConsultationProcess.KEY, SuggestionProcess.KEY})
    void shouldDeclareTheDecisionOfEveryUserTask(String key) throws Exception {
        BpmnModelInstance model;
        try (InputStream in = getClass().getResourceAsStream("/processes/" + key + ".bpmn")) {
            model = Bpmn.readModelFromStream(in);
        }
        TaskDecisions decisions = key.equals(ConsultationProcess.KEY) ? new ConsultationProcess(null) : new SuggestionProcess(null);
        Set<String> userTasks = model.getModelElementsByType(UserTask.class).stream().map(UserTask::getId)
                .collect(Collectors.toSet());
        assertThat(decisions.processKey()).isEqualTo(key);
        assertThat(decisions.byTask().keySet()).containsExactlyInAnyOrderElementsOf(userTasks);
    }
}
