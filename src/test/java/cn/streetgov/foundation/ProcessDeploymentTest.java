package cn.streetgov.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/ and forms/ are deployed with the application; a change redeploys them all together. */
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
    void theProcessesAndDecisionsOfTheContractAreDeployedWithChineseNames() {
        for (String key : List.of("power-delegation", "power-revocation", "cadre-consultation", "street-suggestion",
                "whistle-dispatch", "agency-assessment", "agency-assessment-case", "agency-assessment-timer",
                "major-matter-consultation", "duty-admission", "duty-exit")) {
            var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                    .latestVersion().singleResult();
            assertThat(definition).as(key).isNotNull();
            assertThat(definition.getName()).as(key).matches(".*\\p{IsHan}.*");
            assertThat(definition.getHistoryTimeToLive()).as(key).isNotNull();
        }
        for (String key : List.of("delegation-eligibility", "consultation-mode", "whistle-sla", "whistle-routing",
                "assessment-grade", "duty-admission-check")) {
            assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
                    .singleResult()).as(key).isNotNull();
        }
    }

    @Test
    void theProcessApplicationRedeploysEveryFileTogetherWhenOneChanged() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/processes.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // false: duplicate filtering stays on (an unchanged archive deploys nothing), but a change
            // deploys every file again, so that a process finds its forms, rules and called processes
            // in its own deployment (they are bound by deployment)
            assertThat(xml).contains("<property name=\"isDeployChangedOnly\">false</property>")
                    .contains("<property name=\"additionalResourceSuffixes\">form</property>");
        }
    }

    @Test
    void aRedeployCarriesEveryFileWhenOneChangedAndNothingWhenNoneChanged() {
        String name = "redeploy-" + System.nanoTime();
        String a = "redeploy-a-" + System.nanoTime();
        String b = "redeploy-b-" + System.nanoTime();
        String form = "{\"id\":\"" + a + "-form\",\"type\":\"default\",\"components\":[],\"schemaVersion\":16}";
        // deployments a minute apart, as restarts are (MySQL keeps deployment times to the second)
        long now = System.currentTimeMillis();
        ClockUtil.setCurrentTime(new Date(now));
        Deployment first = deploy(name, a, "甲", b, "乙", form);
        ClockUtil.setCurrentTime(new Date(now + 60_000));
        Deployment second = deploy(name, a, "甲", b, "乙（修订）", form);
        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(repositoryService.getDeploymentResourceNames(second.getId()))
                .containsExactlyInAnyOrder(a + ".bpmn", b + ".bpmn", a + ".form");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(a).count()).isEqualTo(2);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(b).count()).isEqualTo(2);
        ClockUtil.setCurrentTime(new Date(now + 120_000));
        Deployment third = deploy(name, a, "甲", b, "乙（修订）", form);
        ClockUtil.reset();
        // nothing changed: no new deployment, no new version
        assertThat(third.getId()).isEqualTo(second.getId());
        assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isEqualTo(2);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(b).count()).isEqualTo(2);
        Stream.of(first, second, third).map(Deployment::getId).distinct()
                .forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    /** A deployment as the process application makes it (processes.xml: isDeployChangedOnly=false). */
    private Deployment deploy(String name, String keyA, String nameA, String keyB, String nameB, String form) {
        return repositoryService.createDeployment().name(name).enableDuplicateFiltering(false)
                .addString(keyA + ".bpmn", bpmn(keyA, nameA))
                .addString(keyB + ".bpmn", bpmn(keyB, nameB))
                .addString(keyA + ".form", form)
                .deploy();
    }

    /** A fixed text for a given key and name (the fluent builder would generate random ids). */
    private static String bpmn(String key, String name) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_%1$s" targetNamespace="test">
                  <process id="%1$s" name="%2$s" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="startEvent_%1$s"/>
                  </process>
                </definitions>
                """.formatted(key, name);
    }
}
