package cn.streetgov.majormatter;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.majormatter.process.MajorMatterProcess;
import cn.streetgov.majormatter.process.MajorMatterProcess.Elements;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** processes/major-matter-consultation.bpmn keeps the house conventions (STYLE.md), checked without Spring. */
class MajorMatterModelConventionsTest {

    static BpmnModelInstance model;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void read() {
        model = Bpmn.readModelFromFile(new File("processes/" + MajorMatterProcess.KEY + ".bpmn"));
    }

    @Test
    void shouldBeAnExecutableProcessWithHistoryTimeToLive() {
        Process process = model.getModelElementById(MajorMatterProcess.KEY);
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("3650");
    }

    @Test
    void shouldGiveEveryUserTaskAChineseNameAFormACandidateGroupAndADueDate() throws Exception {
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getId()).startsWith("userTask_");
            assertThat(task.getName()).as(task.getId()).matches(".*\\p{IsHan}.*");
            assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
            assertThat(task.getCamundaDueDate()).as(task.getId()).isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
            assertForm(task.getCamundaFormRef());
        }
        StartEvent start = model.getModelElementById(Elements.START);
        assertThat(start.getCamundaFormRefBinding()).isEqualTo("deployment");
        assertForm(start.getCamundaFormRef());
    }

    @Test
    void shouldCallEveryServiceTaskThroughItsDelegateBean() {
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            String name = task.getId().substring("serviceTask_".length());
            assertThat(task.getCamundaDelegateExpression()).as(task.getId())
                    .isEqualTo("#{" + name + "Delegate}");
            assertThat(task.getCamundaClass()).isNull();
        }
    }

    @Test
    void shouldUseReadableIdsKnownToTheProcessClassAndDrawEveryElement() throws Exception {
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .filter(e -> e.getWaypoints().size() >= 2)
                .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
        List<String> ids = new ArrayList<>();
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            ids.add(element.getId());
            assertThat(element.getId()).as("id").matches(
                    "(startEvent|endEvent|userTask|serviceTask|businessRuleTask|subProcess|gateway|boundaryEvent|flow)_[a-z][A-Za-z]+");
            assertThat(element.getId().startsWith("flow_") ? edges : shapes).as("drawn").contains(element.getId());
        }
        for (Field field : Elements.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                assertThat(ids).as("Elements.%s", field.getName()).contains((String) field.get(null));
            }
        }
        assertThat(model.getModelElementsByType(BaseElement.class)).noneMatch(e -> e.getId() != null
                && e.getId().matches("(Activity|Gateway|Event|Flow)_[0-9a-z]{7}"));
    }

    private static void assertForm(String formId) throws Exception {
        File file = Path.of("forms", formId + ".form").toFile();
        assertThat(file).as("form of %s", formId).exists();
        JsonNode form = JSON.readTree(file);
        assertThat(form.path("id").asText()).isEqualTo(formId);
        assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
        assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
        assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
        for (JsonNode component : form.path("components")) {
            if (component.has("label")) {
                assertThat(component.path("label").asText()).as("label in %s", formId).matches(".*\\p{IsHan}.*");
            }
        }
    }
}
