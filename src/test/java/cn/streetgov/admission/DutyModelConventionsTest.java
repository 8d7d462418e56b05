package cn.streetgov.admission;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.admission.process.DutyAdmissionProcess;
import cn.streetgov.admission.process.DutyExitProcess;
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
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** processes/duty-admission.bpmn and duty-exit.bpmn keep the house conventions (STYLE.md), checked without Spring. */
class DutyModelConventionsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static BpmnModelInstance model(String key) {
        return Bpmn.readModelFromFile(new File("processes/" + key + ".bpmn"));
    }

    static Class<?> elements(String key) {
        return DutyAdmissionProcess.KEY.equals(key) ? DutyAdmissionProcess.Elements.class : DutyExitProcess.Elements.class;
    }

    @ParameterizedTest
    @ValueSource(strings = {DutyAdmissionProcess.KEY, DutyExitProcess.KEY})
    void shouldBeAnExecutableProcessWithHistoryTimeToLiveAndAChineseName(String key) {
        Process process = model(key).getModelElementById(key);
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("3650");
        assertThat(process.getName()).matches(".*\\p{IsHan}.*");
    }

    @ParameterizedTest
    @ValueSource(strings = {DutyAdmissionProcess.KEY, DutyExitProcess.KEY})
    void shouldGiveEveryUserTaskAChineseNameAFormACandidateGroupAndADueDate(String key) throws Exception {
        BpmnModelInstance model = model(key);
        assertThat(model.getModelElementsByType(UserTask.class)).isNotEmpty();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getId()).startsWith("userTask_");
            assertThat(task.getName()).as(task.getId()).matches(".*\\p{IsHan}.*");
            assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
            assertThat(task.getCamundaDueDate()).as(task.getId()).isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
            assertForm(task.getCamundaFormRef());
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            assertThat(start.getCamundaFormRefBinding()).isEqualTo("deployment");
            assertForm(start.getCamundaFormRef());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DutyAdmissionProcess.KEY, DutyExitProcess.KEY})
    void shouldCallEveryServiceTaskThroughItsDelegateBeanAndRulesByDeployment(String key) {
        BpmnModelInstance model = model(key);
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            String name = task.getId().substring("serviceTask_".length());
            assertThat(task.getCamundaDelegateExpression()).as(task.getId()).isEqualTo("#{" + name + "Delegate}");
            assertThat(task.getCamundaClass()).isNull();
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            assertThat(task.getCamundaDecisionRef()).isEqualTo(DutyAdmissionProcess.DECISION_CHECK);
            assertThat(task.getCamundaDecisionRefBinding()).isEqualTo("deployment");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DutyAdmissionProcess.KEY, DutyExitProcess.KEY})
    void shouldUseReadableIdsKnownToTheProcessClassAndDrawEveryElementWithoutOverlaps(String key) throws Exception {
        BpmnModelInstance model = model(key);
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .filter(e -> e.getWaypoints().size() >= 2)
                .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
        List<String> ids = new ArrayList<>();
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            ids.add(element.getId());
            assertThat(element.getId()).as("id").matches(
                    "(startEvent|endEvent|userTask|serviceTask|businessRuleTask|gateway|flow)_[a-z][A-Za-z]+");
            assertThat(element.getId().startsWith("flow_") ? edges : shapes).as("drawn").contains(element.getId());
            if (!element.getId().startsWith("flow_")) {
                assertThat(element.getName()).as("name of %s", element.getId()).matches(".*\\p{IsHan}.*");
            }
        }
        for (Field field : elements(key).getFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                assertThat(ids).as("Elements.%s", field.getName()).contains((String) field.get(null));
            }
        }
        assertThat(model.getModelElementsByType(BaseElement.class)).noneMatch(e -> e.getId() != null
                && e.getId().matches("(Activity|Gateway|Event|Flow)_[0-9a-z]{7}"));
        List<BpmnShape> all = new ArrayList<>(model.getModelElementsByType(BpmnShape.class));
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertThat(overlap(all.get(i).getBounds(), all.get(j).getBounds()))
                        .as("%s overlaps %s", all.get(i).getBpmnElement().getId(), all.get(j).getBpmnElement().getId())
                        .isFalse();
            }
        }
    }

    private static boolean overlap(Bounds a, Bounds b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
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
            for (JsonNode value : component.path("values")) {
                assertThat(value.path("label").asText()).as("option label in %s", formId).matches(".*\\p{IsHan}.*");
            }
        }
    }
}
