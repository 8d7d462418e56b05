package cn.streetgov.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.admission.process.DutyAdmissionProcess;
import cn.streetgov.admission.process.DutyExitProcess;
import cn.streetgov.majormatter.process.MajorMatterProcess;
import cn.streetgov.whistle.process.WhistleProcess;
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
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The house conventions of STYLE.md for the processes that keep their element ids in an
 * {@code Elements} class, checked on the files without Spring: executable with history time to
 * live, Chinese names, every user task with a form of the deployment, a candidate group and a due
 * date, service tasks through their delegate bean, rules bound by deployment, readable ids all
 * known to the process class, every element drawn and no two shapes on top of each other.
 */
class ProcessModelConventionsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> processes() {
        return Stream.of(Arguments.of(WhistleProcess.KEY, WhistleProcess.Elements.class),
                Arguments.of(MajorMatterProcess.KEY, MajorMatterProcess.Elements.class),
                Arguments.of(DutyAdmissionProcess.KEY, DutyAdmissionProcess.Elements.class),
                Arguments.of(DutyExitProcess.KEY, DutyExitProcess.Elements.class));
    }

    static BpmnModelInstance model(String key) {
        return Bpmn.readModelFromFile(new File("processes/" + key + ".bpmn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processes")
    void shouldBeAnExecutableProcessWithHistoryTimeToLiveAndAChineseName(String key, Class<?> elements) {
        Process process = model(key).getModelElementById(key);
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("3650");
        assertThat(process.getName()).matches(".*\\p{IsHan}.*");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processes")
    void shouldGiveEveryUserTaskAChineseNameAFormACandidateGroupAndADueDate(String key, Class<?> elements)
            throws Exception {
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
            if (start.getParentElement() instanceof Process) {
                assertThat(start.getCamundaFormRefBinding()).as(start.getId()).isEqualTo("deployment");
                assertForm(start.getCamundaFormRef());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processes")
    void shouldCallEveryServiceTaskThroughItsDelegateBeanAndRulesByDeployment(String key, Class<?> elements) {
        BpmnModelInstance model = model(key);
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            String name = task.getId().substring("serviceTask_".length());
            assertThat(task.getCamundaDelegateExpression()).as(task.getId()).isEqualTo("#{" + name + "Delegate}");
            assertThat(task.getCamundaClass()).isNull();
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            assertThat(task.getCamundaDecisionRefBinding()).as(task.getId()).isEqualTo("deployment");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processes")
    void shouldUseReadableIdsKnownToTheProcessClassAndDrawEveryElementWithoutOverlaps(String key, Class<?> elements)
            throws Exception {
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
                    "(startEvent|endEvent|userTask|serviceTask|businessRuleTask|subProcess|gateway|boundaryEvent|flow)_[a-z][A-Za-z]+");
            assertThat(element.getId().startsWith("flow_") ? edges : shapes).as("drawn").contains(element.getId());
            // a gateway that only joins may stay unnamed, as the Modeler draws it
            boolean join = element instanceof Gateway g && g.getIncoming().size() > 1 && g.getOutgoing().size() == 1;
            if (!element.getId().startsWith("flow_") && !join) {
                assertThat(element.getName()).as("name of %s", element.getId()).matches(".*\\p{IsHan}.*");
            }
        }
        for (Field field : elements.getFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                assertThat(ids).as("Elements.%s", field.getName()).contains((String) field.get(null));
            }
        }
        assertThat(model.getModelElementsByType(BaseElement.class)).noneMatch(e -> e.getId() != null
                && e.getId().matches("(Activity|Gateway|Event|Flow)_[0-9a-z]{7}"));
        // boundary events sit on their task's border and an expanded sub-process holds its elements
        List<BpmnShape> all = model.getModelElementsByType(BpmnShape.class).stream()
                .filter(s -> !(s.getBpmnElement() instanceof BoundaryEvent) && !(s.getBpmnElement() instanceof SubProcess))
                .toList();
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
