package cn.streetgov.security;

import cn.streetgov.casework.DeclaredVariables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.ProcessTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The declared variables and the forms agree: every field a form submits (Camunda Forms submit
 * every keyed field that is not disabled) is declared for the task or start event that uses the
 * form, so Tasklist never runs into the guard; and identity-bearing variables are never a task input.
 */
class DeclaredVariablesTest extends ProcessTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SERVER_OWNED = Set.of("caseId", "caseNo", "outcome", "orgCode", "deptCode",
            "agencyCode", "caseSummary", "reopenCount", "totalScore", "grade");

    @Autowired
    DeclaredVariables declared;

    @Test
    void everyFormSubmitsOnlyDeclaredVariables() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                for (Process process : model.getModelElementsByType(Process.class)) {
                    String key = process.getId();
                    for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
                        String form = start.getCamundaFormRef();
                        if (form == null) {
                            continue;
                        }
                        checked++;
                        Set<String> allowed = declared.startVariables(key).orElse(Set.of());
                        for (String field : submittedFields(form)) {
                            if (!allowed.contains(field)) {
                                problems.add(key + " start form " + form + ": " + field);
                            }
                        }
                    }
                    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                        if (task.getCamundaFormRef() == null || !isIn(task, process)) {
                            continue;
                        }
                        checked++;
                        Set<String> allowed = declared.taskInputs(key, task.getId());
                        for (String field : submittedFields(task.getCamundaFormRef())) {
                            if (!allowed.contains(field)) {
                                problems.add(key + "/" + task.getId() + " form " + task.getCamundaFormRef() + ": " + field);
                            }
                        }
                        for (String input : allowed) {
                            if (SERVER_OWNED.contains(input)) {
                                problems.add(key + "/" + task.getId() + " accepts server-owned " + input);
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).as("forms checked").isGreaterThanOrEqualTo(33);
        assertThat(problems).as("fields submitted but not declared").isEmpty();
    }

    @Test
    void processesNobodyStartsByHandDeclareNoStartVariables() {
        assertThat(declared.startVariables("agency-assessment-case")).isEmpty();
        assertThat(declared.startVariables("agency-assessment-timer")).isEmpty();
        assertThat(declared.startVariables("whistle-dispatch")).get()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.COLLECTION)
                .doesNotContain("caseId", "caseNo", "outcome");
    }

    private static boolean isIn(UserTask task, Process process) {
        for (var parent = task.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent == process) {
                return true;
            }
        }
        return false;
    }

    /** Keyed fields that form-js submits: every component with a key that is not disabled. */
    private static Set<String> submittedFields(String formId) throws IOException {
        JsonNode form = JSON.readTree(Path.of("forms", formId + ".form").toFile());
        assertThat(form.get("id").asText()).isEqualTo(formId);
        Set<String> fields = new LinkedHashSet<>();
        collect(form.get("components"), fields);
        return fields;
    }

    private static void collect(JsonNode components, Set<String> fields) {
        if (components == null) {
            return;
        }
        for (JsonNode component : components) {
            if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)) {
                fields.add(component.get("key").asText());
            }
            collect(component.get("components"), fields);
        }
    }
}
