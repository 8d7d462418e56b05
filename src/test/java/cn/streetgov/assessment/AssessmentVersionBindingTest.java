package cn.streetgov.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.assessment.process.AssessmentCaseProcess;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Elements;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import cn.streetgov.assessment.process.AssessmentProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Running cases keep their version: an administrator redeploys the assessment processes with a
 * changed form, a changed grade table and a changed case process; a case (or campaign) started
 * before keeps the old ones, a case started after gets the new ones. Each test redeploys and
 * deletes its deployment again (cascade), so the other tests see the original definitions.
 */
class AssessmentVersionBindingTest extends AssessmentTestSupport {

    private static final String CHANGED_HEADING = "## 考核对象（修订）";
    private static final String CHANGED_CASE_NAME = "派驻机构考核（单个派驻机构，修订）";

    @Autowired
    FormService formService;

    private String originalDeploymentId;
    private Deployment redeployed;

    @BeforeEach
    void rememberTheDeployedVersion() {
        originalDeploymentId = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(AssessmentCaseProcess.KEY).latestVersion().singleResult().getDeploymentId();
    }

    @AfterEach
    void removeTheRedeployment() {
        if (redeployed != null) {
            repositoryService.deleteDeployment(redeployed.getId(), true);
        }
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(AssessmentCaseProcess.KEY)
                .latestVersion().singleResult().getDeploymentId()).isEqualTo(originalDeploymentId);
    }

    @Test
    void shouldShowARunningCaseTheFormItStartedWithAndANewCaseTheChangedOne() {
        ProcessInstance before = startCase(campaign(), "S01-GA");

        redeploy();
        ProcessInstance after = startCase(campaign(), "S01-GA");

        assertThat(form(before, Elements.SELF_EVALUATE)).contains("## 考核对象").doesNotContain(CHANGED_HEADING);
        assertThat(form(after, Elements.SELF_EVALUATE)).contains(CHANGED_HEADING);
    }

    @Test
    void shouldGradeARunningCaseByTheTableItStartedWithAndANewCaseByTheChangedOne() {
        ProcessInstance before = startCase(campaign(), "S02-GA");

        redeploy();
        ProcessInstance after = startCase(campaign(), "S02-GA");

        // 100*.25 + 85*.25 + 80*.15 + 80*.15 + 80*.20 = 86.25: GOOD under the deployed table (excellent
        // from 90), EXCELLENT under the changed one (excellent from 85)
        for (ProcessInstance instance : List.of(before, after)) {
            selfEvaluate(instance, "s02-ga-head", 90);
            complete("s02-off", task(instance, Elements.SCORE), scores(100, 85, 80, 80, 80));
        }
        assertThat(runtimeService.getVariable(before.getId(), Vars.PROPOSED_GRADE)).isEqualTo("GOOD");
        assertThat(runtimeService.getVariable(after.getId(), Vars.PROPOSED_GRADE)).isEqualTo("EXCELLENT");
    }

    @Test
    void shouldGradeACommitteeAdjustmentOfARunningCaseByTheTableItStartedWith() {
        // the committee's adjusted score is graded from Java (GradeRules), not by the business rule task
        ProcessInstance before = startCase(campaign(), "S03-GA");

        redeploy();
        ProcessInstance after = startCase(campaign(), "S03-GA");

        for (ProcessInstance instance : List.of(before, after)) {
            selfEvaluate(instance, "s03-ga-head", 70);
            scoreAll(instance, "s03-off", 70);
            complete("s03-sec", task(instance, Elements.COMMITTEE), Map.of(Vars.COMMITTEE_DECISION, "ADJUST",
                    Vars.ADJUSTED_SCORE, 87, Vars.ADJUST_REASON, "重大专项工作表现突出"));
        }
        assertThat(record(before).getGrade().name()).isEqualTo("GOOD");
        assertThat(record(after).getGrade().name()).isEqualTo("EXCELLENT");
    }

    @Test
    void shouldCallTheCaseProcessOfTheCampaignsOwnDeployment() {
        ProcessInstance before = open(freshPeriod(), "S03");

        redeploy();
        runDueJobs(before);
        // an administrator adds a forgotten agency to the running campaign: it too is assessed by the
        // campaign's own version of the case process
        ActivityInstance body = runtimeService.getActivityInstance(before.getId())
                .getActivityInstances(AssessmentProcess.Elements.ASSESS_AGENCIES + "#multiInstanceBody")[0];
        runtimeService.createProcessInstanceModification(before.getId())
                .startBeforeActivity(AssessmentProcess.Elements.ASSESS_AGENCIES, body.getId())
                .setVariableLocal(AssessmentProcess.Vars.AGENCY_CODE, "S01-GA").execute();
        runDueJobs(before);
        ProcessInstance after = open(freshPeriod(), "T01");
        runDueJobs(after);

        assertThat(children(before)).hasSize(4).allSatisfy(c -> assertThat(deploymentOf(c)).isEqualTo(originalDeploymentId));
        assertThat(children(after)).hasSize(3).allSatisfy(c -> assertThat(deploymentOf(c)).isEqualTo(redeployed.getId()));
        assertThat(repositoryService.getProcessDefinition(children(after).get(0).getProcessDefinitionId()).getName())
                .isEqualTo(CHANGED_CASE_NAME);
    }

    // ---- helpers ----

    private ProcessInstance open(String period, String orgCodes) {
        return as("kaohe", () -> runtimeService.startProcessInstanceByKey(AssessmentProcess.KEY,
                Map.of(AssessmentProcess.Vars.PERIOD, period, AssessmentProcess.Vars.ORG_CODES, orgCodes)));
    }

    private List<ProcessInstance> children(ProcessInstance campaign) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(campaign.getId()).list();
    }

    private String deploymentOf(ProcessInstance instance) {
        return repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getDeploymentId();
    }

    private String form(ProcessInstance instance, String taskKey) {
        try (InputStream in = formService.getDeployedTaskForm(task(instance, taskKey).getId())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What an administrator does after changing a form, the grade table and the case process: the
     * assessment processes deployed again with everything they reference (same resource names).
     */
    private void redeploy() {
        DeploymentBuilder builder = repositoryService.createDeployment().name("redeploy-" + System.nanoTime());
        add(builder, "processes/agency-assessment.bpmn", null, null);
        add(builder, "processes/agency-assessment-case.bpmn", "name=\"派驻机构考核（单个派驻机构）\"",
                "name=\"" + CHANGED_CASE_NAME + "\"");
        add(builder, "processes/assessment-grade.dmn", "<text>&gt;= 90</text>", "<text>&gt;= 85</text>");
        try (var forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.getFileName().toString().startsWith("assessment-")).toList()) {
                String name = "forms/" + form.getFileName();
                if (name.equals("forms/assessment-self-evaluation.form")) {
                    add(builder, name, "\"text\": \"## 考核对象\"", "\"text\": \"" + CHANGED_HEADING + "\"");
                } else {
                    add(builder, name, null, null);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        redeployed = builder.deploy();
    }

    private static void add(DeploymentBuilder builder, String name, String from, String to) {
        try {
            String text = Files.readString(Path.of(name), StandardCharsets.UTF_8);
            if (from != null) {
                assertThat(text).as(name).contains(from);
                text = text.replace(from, to);
            }
            builder.addString(name, text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
