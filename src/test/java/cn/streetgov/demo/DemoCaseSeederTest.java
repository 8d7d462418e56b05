package cn.streetgov.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.appointment.process.ConsultationProcess;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.process.AssessmentCaseProcess;
import cn.streetgov.audit.AuditEventType;
import cn.streetgov.audit.AuditRecord;
import cn.streetgov.audit.AuditTrail;
import cn.streetgov.delegation.domain.PowerCatalog;
import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.security.DemoProperties;
import cn.streetgov.test.IntegrationTest;
import cn.streetgov.test.Officials;
import cn.streetgov.test.StartVariables;
import cn.streetgov.whistle.process.WhistleProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo cases (app.demo.cases), seeded here into the shared test database and removed afterwards:
 * each workflow has a case waiting early, one further along and one ended, worked on by the demo
 * users (their names in the audit trail); the seed runs only on a database without cases, and only
 * on the node whose marker goes in first; tests and the mariadb profile have it off.
 */
@IntegrationTest
class DemoCaseSeederTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    DemoCaseSeeder seeder;
    @Autowired
    DemoProperties demo;
    @Autowired
    AssessmentService assessments;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TaskService taskService;
    @Autowired
    PowerCatalog catalog;
    @Autowired
    AuditTrail audit;
    @Autowired
    ManagementService managementService;

    private final List<String> seededInstances = new ArrayList<>();

    @AfterEach
    void removeTheDemoCases() {
        for (String id : seededInstances) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                runtimeService.deleteProcessInstance(id, "演示案件测试结束");
            }
        }
        for (String id : seededInstances) {
            historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(id).list()
                    .forEach(child -> historyService.deleteHistoricProcessInstanceIfExists(child.getId()));
            historyService.deleteHistoricProcessInstanceIfExists(id);
        }
        managementService.deleteProperty(DemoCaseSeeder.MARKER);
    }

    @Test
    void shouldLeaveWorkWaitingForTheDemoUsersInEveryWorkflow() {
        DemoCaseSeeder.Seeded seeded = seeder.seed(Officials.freshAssessmentPeriod(assessments));
        remember(seeded);

        // 赋权下放审批: capacity review (two streets), staffing, published, rejected
        assertThat(seeded.delegations()).hasSize(4);
        assertThat(groupsAt(seeded.delegations().get(0), PowerDelegationProcess.REVIEW_CAPACITY))
                .containsExactlyInAnyOrder("street-office-S01", "street-office-S02");
        assertThat(groupsAt(seeded.delegations().get(1), PowerDelegationProcess.CONFIRM_STAFFING)).containsExactly("bianban");
        assertThat(activities(seeded.delegations().get(2))).containsExactly(PowerDelegationProcess.REVIEW_PERIOD_ELAPSED);
        assertThat(catalog.activePower("GA-XK-001", "S02")).isPresent();
        assertEnded(seeded.delegations().get(3), "REJECTED");

        // 任免征求意见: street opinion, department decision, rejected
        assertThat(seeded.consultations()).hasSize(3);
        assertThat(groupsAt(seeded.consultations().get(0), ConsultationProcess.STREET_OPINION))
                .containsExactly("street-committee-S01");
        assertThat(groupsAt(seeded.consultations().get(1), ConsultationProcess.DEPT_DECISION)).containsExactly("dept-CGZF");
        assertEnded(seeded.consultations().get(2), "REJECTED");

        // 吹哨报到: two agencies to report, joint handling, closed
        assertThat(seeded.whistles()).hasSize(3);
        assertThat(groupsAt(seeded.whistles().get(0), WhistleProcess.Elements.REPORT))
                .containsExactlyInAnyOrder("agency-S01-CGZF", "agency-S01-SCJG");
        assertThat(groupsAt(seeded.whistles().get(1), WhistleProcess.Elements.HANDLE)).containsExactly("street-office-S02");
        assertEnded(seeded.whistles().get(2), "CLOSED");
        assertThat(audit.trail(historic(seeded.whistles().get(2)).getId()))
                .filteredOn(r -> r.getEventType() == AuditEventType.TASK_COMPLETED).extracting(AuditRecord::getActorId)
                .containsExactly("s03-cgzf-head", "s03-off", "s03-off", "s03-off");

        // 考核: the campaign of 东华街道 and its three cases at three steps
        assertThat(seeded.assessments()).hasSize(4);
        List<String> caseNos = seeded.assessments().subList(1, 4);
        assertThat(caseNos.stream().map(this::instanceOf).map(i -> groupsOrPublicity(i)).toList())
                .containsExactlyInAnyOrder("agency-S01-CGZF@" + AssessmentCaseProcess.Elements.SELF_EVALUATE,
                        "street-office-S01@" + AssessmentCaseProcess.Elements.SCORE, "公示");

        // the demo users see their work in their own task lists
        assertThat(taskService.createTaskQuery().taskCandidateUser("s01-off")
                .processInstanceBusinessKey(seeded.delegations().get(0)).count()).isEqualTo(1);
        assertThat(taskService.createTaskQuery().taskCandidateUser("bianban")
                .processInstanceBusinessKey(seeded.delegations().get(1)).count()).isEqualTo(1);

        for (String caseNo : seededCaseNumbers(seeded)) {
            assertThat(audit.verify(historic(caseNo).getId()).intact()).as(caseNo).isTrue();
        }
    }

    @Test
    void shouldSeedOnlyADatabaseWithoutCasesAndOnlyOnce() {
        ProcessInstance whistle = Officials.as(engine, "s01-off", () -> runtimeService.startProcessInstanceByKey(
                WhistleProcess.KEY, StartVariables.whistle("S01", "GA", "NORMAL", "路灯损坏", "东华路口")));
        seededInstances.add(whistle.getId());

        assertThat(seeder.claim()).isFalse();
        assertThat(seeder.seedIfNoCases()).isFalse();
        assertThat(managementService.getProperties()).doesNotContainKey(DemoCaseSeeder.MARKER);

        // two nodes on one empty database: the first marker goes in, the second node's is refused
        assertThat(seeder.insertMarker()).isTrue();
        assertThat(seeder.insertMarker()).isFalse();
    }

    @Test
    void shouldBeOffInTheTestsAndInTheMariaDbProfile() throws IOException {
        assertThat(demo.cases()).isFalse();
        assertThat(Files.readString(Path.of("src/main/resources/application-mariadb.yaml")))
                .contains("cases: ${APP_DEMO_CASES:false}");
        assertThat(Files.readString(Path.of("src/main/resources/application.yaml")))
                .contains("cases: ${APP_DEMO_CASES:true}");
    }

    private void remember(DemoCaseSeeder.Seeded seeded) {
        seededCaseNumbers(seeded).forEach(caseNo -> seededInstances.add(historic(caseNo).getId()));
    }

    private static List<String> seededCaseNumbers(DemoCaseSeeder.Seeded seeded) {
        List<String> all = new ArrayList<>(seeded.delegations());
        all.addAll(seeded.consultations());
        all.addAll(seeded.whistles());
        all.addAll(seeded.assessments());
        return all;
    }

    private HistoricProcessInstance historic(String caseNo) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult();
    }

    private ProcessInstance instanceOf(String caseNo) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult();
    }

    private List<String> activities(String caseNo) {
        return runtimeService.getActiveActivityIds(instanceOf(caseNo).getId());
    }

    private List<String> groupsAt(String caseNo, String taskKey) {
        List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).list();
        assertThat(open).as("open tasks of %s", caseNo).isNotEmpty()
                .allSatisfy(t -> assertThat(t.getTaskDefinitionKey()).isEqualTo(taskKey));
        return open.stream().flatMap(t -> taskService.getIdentityLinksForTask(t.getId()).stream())
                .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    }

    private String groupsOrPublicity(ProcessInstance instance) {
        List<Task> open = taskService.createTaskQuery().processInstanceId(instance.getId()).list();
        if (open.isEmpty()) {
            String status = assessments.findCase(instance.getBusinessKey()).orElseThrow().getStatus().name();
            return "PUBLICITY".equals(status) ? "公示" : status;
        }
        Task task = open.get(0);
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).findFirst().orElse("") + "@" + task.getTaskDefinitionKey();
    }

    private void assertEnded(String caseNo, String outcome) {
        HistoricProcessInstance instance = historic(caseNo);
        assertThat(instance.getEndTime()).as("%s ended", caseNo).isNotNull();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("outcome").singleResult().getValue()).as(caseNo).isEqualTo(outcome);
    }
}
