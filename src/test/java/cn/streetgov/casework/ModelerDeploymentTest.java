package cn.streetgov.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.assessment.process.AssessmentCaseProcess;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.test.Http;
import cn.streetgov.test.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an administrator deploys from Camunda Modeler: a process whose forms, rules and called
 * processes are bound to its own deployment is accepted only together with them; deployed alone it
 * is refused with a Chinese reason naming what is missing (its running cases would otherwise find no
 * form and no rule).
 */
@IntegrationTest
class ModelerDeploymentTest {

    private static final String CASE_BPMN = "processes/agency-assessment-case.bpmn";

    @Autowired
    RepositoryService repositoryService;

    @LocalServerPort
    int port;

    private final List<String> accepted = new ArrayList<>();

    @AfterEach
    void deleteWhatWasAccepted() {
        accepted.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void shouldRefuseAProcessDeployedWithoutTheFormsAndTheRulesItIsBoundTo() {
        long versions = versionsOfTheCaseProcess();

        assertThatThrownBy(() -> deploy(CASE_BPMN)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("agency-assessment-case.bpmn")
                .hasMessageContaining("表单 assessment-self-evaluation")
                .hasMessageContaining("决策 assessment-grade")
                .hasMessageContaining("一起部署");
        assertThat(versionsOfTheCaseProcess()).isEqualTo(versions);
    }

    @Test
    void shouldRefuseACampaignDeployedWithoutTheCaseProcessItCalls() {
        assertThatThrownBy(() -> deploy("processes/agency-assessment.bpmn", "forms/assessment-start.form",
                "forms/assessment-take-note.form")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("流程 agency-assessment-case").hasMessageNotContaining("表单 assessment");
    }

    @Test
    void shouldRefuseARuleDeployedWithoutAProcessThatUsesIt() {
        // the Modeler's DMN editor deploys the table alone: no case would ever use it
        assertThatThrownBy(() -> deploy("processes/whistle-sla.dmn")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("whistle-sla.dmn").hasMessageContaining("没有使用它们的流程");
    }

    @Test
    void shouldAcceptAProcessDeployedTogetherWithEverythingItIsBoundTo() {
        long versions = versionsOfTheCaseProcess();

        deploy(CASE_BPMN, "processes/assessment-grade.dmn", "forms/assessment-self-evaluation.form",
                "forms/assessment-scoring.form", "forms/assessment-committee-review.form",
                "forms/assessment-objection-review.form", "forms/assessment-arbitration.form",
                "forms/assessment-suggestion.form");

        assertThat(versionsOfTheCaseProcess()).isEqualTo(versions + 1);
    }

    @Test
    void shouldTellTheAdministratorInTheModelerWhatIsMissing() {
        // Camunda Modeler deploys through the REST API; it shows the message of the answer
        Http.Response response = Http.as(port, "admin").postMultipart("/engine-rest/deployment/create",
                "data", "agency-assessment-case.bpmn", read(CASE_BPMN));
        if (response.status() == 200) {
            accepted.add(response.json().path("id").asText());
        }
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("message").asText()).contains("表单 assessment-self-evaluation")
                .contains("决策 assessment-grade").contains("Modeler");
    }

    private long versionsOfTheCaseProcess() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(AssessmentCaseProcess.KEY).count();
    }

    private void deploy(String... files) {
        DeploymentBuilder builder = repositoryService.createDeployment().name("modeler-" + System.nanoTime())
                .source("Camunda Modeler");
        for (String file : files) {
            builder.addString(Path.of(file).getFileName().toString(), read(file));
        }
        Deployment deployment = builder.deploy();
        accepted.add(deployment.getId());
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
