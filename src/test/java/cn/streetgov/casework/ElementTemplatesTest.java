package cn.streetgov.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.delegation.domain.Outcome;
import cn.streetgov.test.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The Camunda Modeler's element templates of {@code processes/.camunda/element-templates/}: each has
 * the key shape of the Camunda 7 element-templates schema (checked here, without the network), its
 * delegate bean exists and is marked {@link ModellingDelegate} with the same Chinese name, and every
 * bean so marked has exactly one template.
 */
@IntegrationTest
class ElementTemplatesTest {

    static final Path FOLDER = Path.of("processes/.camunda/element-templates");
    static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
    static final Set<String> ELEMENTS = Set.of("bpmn:ServiceTask", "bpmn:SendTask", "bpmn:IntermediateThrowEvent",
            "bpmn:EndEvent", "bpmn:UserTask", "bpmn:StartEvent", "bpmn:Process", "bpmn:SequenceFlow");
    static final Set<String> TYPES = Set.of("String", "Text", "Boolean", "Dropdown", "Hidden");
    static final Set<String> BINDINGS = Set.of("property", "camunda:property", "camunda:inputParameter",
            "camunda:outputParameter", "camunda:in", "camunda:out", "camunda:in:businessKey",
            "camunda:executionListener", "camunda:field", "camunda:errorEventDefinition");
    static final Pattern BEAN = Pattern.compile("^[#$]\\{([A-Za-z][A-Za-z0-9]*)}$");
    static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    @Autowired
    ApplicationContext context;

    @Test
    void shouldHaveTheShapeOfTheElementTemplatesSchema() throws IOException {
        List<JsonNode> templates = templates();
        assertThat(templates).isNotEmpty();
        Set<String> ids = new TreeSet<>();
        for (JsonNode t : templates) {
            String id = t.path("id").asText();
            assertThat(ids.add(id)).as("template id %s is unique", id).isTrue();
            assertThat(t.path("$schema").asText()).as(id).isEqualTo(SCHEMA);
            assertThat(id).matches("streetgov\\.[A-Za-z]+");
            assertThat(t.path("version").isInt()).as("%s has a version", id).isTrue();
            assertThat(t.path("name").asText()).as("%s has a Chinese name", id).containsPattern(CHINESE);
            assertThat(t.path("description").asText()).as("%s has a Chinese description", id).containsPattern(CHINESE);
            assertThat(t.path("appliesTo").isArray() && !t.path("appliesTo").isEmpty()).as(id).isTrue();
            t.path("appliesTo").forEach(element -> assertThat(ELEMENTS).as(id).contains(element.asText()));
            assertThat(t.path("properties").isArray() && !t.path("properties").isEmpty()).as(id).isTrue();
            for (JsonNode p : t.path("properties")) {
                assertThat(TYPES).as("%s property type", id).contains(p.path("type").asText());
                assertThat(BINDINGS).as("%s binding type", id).contains(p.path("binding").path("type").asText());
                assertThat(p.path("binding").path("name").asText()).as("%s binding name", id).isNotBlank();
                assertThat(p.path("label").asText()).as("%s label", id).containsPattern(CHINESE);
                if ("Dropdown".equals(p.path("type").asText())) {
                    assertThat(p.path("choices").isArray() && !p.path("choices").isEmpty()).as(id).isTrue();
                    p.path("choices").forEach(c -> {
                        assertThat(c.path("name").asText()).as("%s choice label", id).containsPattern(CHINESE);
                        assertThat(c.path("value").asText()).isNotBlank();
                    });
                }
            }
        }
    }

    @Test
    void shouldHaveATemplateForEveryModellingDelegateAndADelegateForEveryTemplate() throws IOException {
        Map<String, String> marked = new TreeMap<>();
        for (String bean : context.getBeanNamesForAnnotation(ModellingDelegate.class)) {
            marked.put(bean, context.findAnnotationOnBean(bean, ModellingDelegate.class).name());
        }
        Map<String, String> templated = new TreeMap<>();
        for (JsonNode t : templates()) {
            String bean = delegateBean(t);
            assertThat(bean).as("template %s names its delegate bean as ${bean} or #{bean}", t.path("id").asText())
                    .isNotNull();
            assertThat(context.containsBean(bean)).as("bean %s of template %s", bean, t.path("id").asText()).isTrue();
            assertThat(t.path("id").asText()).isEqualTo("streetgov." + bean);
            assertThat(templated.put(bean, t.path("name").asText())).as("one template for %s", bean).isNull();
        }
        assertThat(templated).isEqualTo(marked);
        assertThat(marked).containsKeys("notifyDelegate", "publishCatalogDelegate", "attachFiguresDelegate");
    }

    @Test
    void shouldOfferInDropdownsOnlyTheValuesTheDelegatesAccept() throws IOException {
        Map<String, List<String>> choices = new HashMap<>();
        for (JsonNode t : templates()) {
            for (JsonNode p : t.path("properties")) {
                if ("Dropdown".equals(p.path("type").asText())) {
                    List<String> values = new ArrayList<>();
                    p.path("choices").forEach(c -> values.add(c.path("value").asText()));
                    choices.put(p.path("binding").path("name").asText(), values);
                }
            }
        }
        assertThat(Arrays.stream(NoticeKind.values()).map(Enum::name).toList())
                .containsAll(choices.get(NotifyDelegate.KIND));
        assertThat(Arrays.stream(Outcome.values()).map(Enum::name).toList())
                .containsExactlyInAnyOrderElementsOf(choices.get("closingOutcome"));
    }

    @Test
    void shouldFindEveryBeanTheProcessesNameAndMarkOnlyDelegates() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher m = Pattern.compile("delegateExpression=\"[#$]\\{([A-Za-z0-9]+)}\"").matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        used.forEach(bean -> assertThat(context.containsBean(bean)).as(bean).isTrue());
        for (String bean : context.getBeanNamesForAnnotation(ModellingDelegate.class)) {
            assertThat(context.getType(bean)).as(bean).isNotNull();
            assertThat(org.camunda.bpm.engine.delegate.JavaDelegate.class.isAssignableFrom(context.getType(bean))
                    || org.camunda.bpm.engine.delegate.ExecutionListener.class.isAssignableFrom(context.getType(bean)))
                    .as("%s is a delegate", bean).isTrue();
        }
    }

    static String delegateBean(JsonNode template) {
        for (JsonNode p : template.path("properties")) {
            if ("camunda:delegateExpression".equals(p.path("binding").path("name").asText())) {
                Matcher m = BEAN.matcher(p.path("value").asText());
                return m.matches() ? m.group(1) : null;
            }
        }
        return null;
    }

    static List<JsonNode> templates() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> templates = new ArrayList<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode node = json.readTree(file.toFile());
                if (node.isArray()) {
                    node.forEach(templates::add);
                } else {
                    templates.add(node);
                }
            }
        }
        return templates;
    }
}
