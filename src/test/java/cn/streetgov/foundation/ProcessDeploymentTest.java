package cn.streetgov.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/ and forms/ are deployed with the application; a redeploy versions changed files only. */
@IntegrationTest
class ProcessDeploymentTest {

    @Autowired
    RepositoryService repositoryService;

    @Test
    void everyBpmnDmnAndFormFileIsDeployed() throws IOException {
        List<String> files;
        try (Stream<Path> processes = Files.list(Path.of("processes")); Stream<Path> forms = Files.list(Path.of("forms"))) {
            files = Stream.concat(processes, forms).map(p -> p.getParent().getFileName() + "/" + p.getFileName())
                    .filter(name -> name.matches(".*\\.(bpmn|dmn|form)$")).toList();
        }
        assertThat(files).anyMatch(f -> f.endsWith(".bpmn")).anyMatch(f -> f.endsWith(".dmn"))
                .anyMatch(f -> f.endsWith(".form"));
        Set<String> deployed = repositoryService.createDeploymentQuery().deploymentName("street-governance").list()
                .stream().flatMap(d -> repositoryService.getDeploymentResources(d.getId()).stream())
                .map(Resource::getName).collect(Collectors.toSet());
        for (String file : files) {
            assertThat(deployed).as("deployed resources").anyMatch(name -> name.endsWith(file));
        }
    }

    @Test
    void theProcessApplicationDeploysChangedFilesOnly() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/processes.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(xml).contains("<property name=\"isDeployChangedOnly\">true</property>")
                    .contains("<property name=\"additionalResourceSuffixes\">form</property>");
        }
    }

    @Test
    void aRedeployVersionsTheChangedFileAndLeavesTheUnchangedOne() {
        String name = "redeploy-" + System.nanoTime();
        String a = "redeploy-a-" + System.nanoTime();
        String b = "redeploy-b-" + System.nanoTime();
        String form = "{\"id\":\"" + a + "-form\",\"type\":\"default\",\"components\":[],\"schemaVersion\":16}";
        Deployment first = deploy(name, a, "甲", b, "乙", form);
        Deployment second = deploy(name, a, "甲", b, "乙（修订）", form);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(a).count()).isOne();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(b).count()).isEqualTo(2);
        assertThat(repositoryService.getDeploymentResourceNames(second.getId())).containsExactly(b + ".bpmn");
        assertThat(repositoryService.getDeploymentResourceNames(first.getId()))
                .containsExactlyInAnyOrder(a + ".bpmn", b + ".bpmn", a + ".form");
        Deployment third = deploy(name, a, "甲", b, "乙（修订）", form);
        assertThat(repositoryService.getDeploymentResourceNames(third.getId())).isEmpty();
        Stream.of(first, second, third).forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
    }

    private Deployment deploy(String name, String keyA, String nameA, String keyB, String nameB, String form) {
        return repositoryService.createDeployment().name(name).enableDuplicateFiltering(true)
                .addModelInstance(keyA + ".bpmn", Bpmn.createExecutableProcess(keyA).name(nameA)
                        .camundaHistoryTimeToLive(1).startEvent("startEvent_a").endEvent("endEvent_a").done())
                .addModelInstance(keyB + ".bpmn", Bpmn.createExecutableProcess(keyB).name(nameB)
                        .camundaHistoryTimeToLive(1).startEvent("startEvent_b").endEvent("endEvent_b").done())
                .addString(keyA + ".form", form)
                .deploy();
    }
}
