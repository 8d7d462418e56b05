package cn.streetgov.delegation.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The conventions of our BPMN files and forms, checked without starting anything. */
class DelegationModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"power-delegation", "power-revocation"})
    void shouldFollowTheModellingConventions(String key) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", key + ".bpmn").toFile());
        Process process = model.getModelElementById(key);
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("3650");

        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getName()).as(task.getId()).isNotBlank();
            assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
            assertThat(task.getCamundaDueDate()).as(task.getId()).isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
            assertFormExists(task.getCamundaFormRef());
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getParentElement() instanceof Process) {
                assertFormExists(start.getCamundaFormRef());
            }
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            assertThat(task.getCamundaDelegateExpression()).as(task.getId()).matches("#\\{[a-z]\\w*Delegate\\}");
            assertThat(task.getCamundaClass()).isNull();
        }
        Set<String> shapes = new HashSet<>();
        model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
        Set<String> edges = new HashSet<>();
        model.getModelElementsByType(BpmnEdge.class).forEach(e -> edges.add(e.getBpmnElement().getId()));
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(node.getId()).matches("(startEvent|endEvent|userTask|serviceTask|gateway|subProcess|boundaryEvent|timerEvent)_[a-z]\\w*");
            assertThat(shapes).as("diagram shape").contains(node.getId());
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            assertThat(flow.getId()).matches("flow_[a-z]\\w*To[A-Z]\\w*");
            assertThat(edges).as("diagram edge").contains(flow.getId());
        }
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            assertThat(element.getId() == null ? "" : element.getId()).doesNotStartWith("Activity_").doesNotStartWith("Flow_")
                    .doesNotStartWith("Gateway_").doesNotStartWith("Event_");
        }
    }

    /** The form of each task offers exactly the values, with the labels, that the process class declares. */
    @ParameterizedTest
    @ValueSource(strings = {"power-delegation", "power-revocation"})
    void shouldOfferInEachFormTheDeclaredChoices(String key) throws IOException {
        java.util.Map<String, cn.streetgov.casework.TaskDecisions.TaskDecision> declared = PowerDelegationProcess.KEY
                .equals(key) ? new PowerDelegationProcess(null).byTask() : new PowerRevocationProcess(null).byTask();
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", key + ".bpmn").toFile());
        Set<String> tasks = new HashSet<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            tasks.add(task.getId());
            var decision = declared.get(task.getId());
            assertThat(decision).as("declaration of %s", task.getId()).isNotNull();
            JsonNode form = JSON.readTree(Path.of("forms", task.getCamundaFormRef() + ".form").toFile());
            java.util.Map<String, String> offered = new java.util.LinkedHashMap<>();
            for (JsonNode component : form.path("components")) {
                if (decision.decision().equals(component.path("key").asText())) {
                    component.path("values").forEach(v -> offered.put(v.path("value").asText(), v.path("label").asText()));
                }
            }
            assertThat(offered).as("%s offers in %s", task.getId(), task.getCamundaFormRef())
                    .containsExactlyEntriesOf(decision.rules().allowed());
        }
        assertThat(declared.keySet()).isEqualTo(tasks);
    }

    private static void assertFormExists(String formRef) throws IOException {
        assertThat(formRef).isNotBlank();
        Path file = Path.of("forms", formRef + ".form");
        assertThat(file).exists();
        JsonNode form = JSON.readTree(file.toFile());
        assertThat(form.path("id").asText()).isEqualTo(formRef);
        assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
        assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
        assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
        boolean anyRequired = false;
        for (JsonNode component : form.path("components")) {
            anyRequired |= component.path("validate").path("required").asBoolean(false);
        }
        assertThat(anyRequired).as("%s has required fields", formRef).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"delegation-start", "delegation-capacity-review", "delegation-legal-review",
        "delegation-revise", "delegation-staffing", "delegation-final-decision", "delegation-report",
        "revocation-start", "revocation-decision"})
    void shouldHaveChineseLabelsOnEveryField(String formId) throws IOException {
        JsonNode form = JSON.readTree(Path.of("forms", formId + ".form").toFile());
        try (Stream<JsonNode> components = Stream.of(form.path("components")).flatMap(c -> {
            java.util.List<JsonNode> list = new java.util.ArrayList<>();
            c.forEach(list::add);
            return list.stream();
        })) {
            components.filter(c -> c.has("key")).forEach(c ->
                    assertThat(c.path("label").asText()).as(formId + "/" + c.path("key").asText())
                            .matches(".*[\\u4e00-\\u9fa5].*"));
        }
        if (!formId.endsWith("-start")) {
            assertThat(form.path("components").toString()).contains("\"key\":\"caseSummary\"");
        }
    }
}
