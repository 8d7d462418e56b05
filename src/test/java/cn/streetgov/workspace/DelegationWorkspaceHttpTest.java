package cn.streetgov.workspace;

import static cn.streetgov.delegation.process.PowerDelegationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.delegation.process.DelegationTestData;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import cn.streetgov.test.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The workspace on a {@code power-delegation} case driven through its reviews: where it went after
 * the start, 已办 of the streets that reviewed, 我发起的 of the department, the record and the diagram —
 * and nothing for an official of another organisation.
 */
class DelegationWorkspaceHttpTest extends WorkspaceTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clearCatalog() {
        DelegationTestData.clearCatalog(jdbc);
    }

    @Test
    void shouldTellTheStarterTheCaseNumberAndWhereTheCaseWent() {
        ProcessInstance instance = start();

        JsonNode item = caseOf("cgzf-off", instance);

        assertThat(item.path("caseNo").asText()).isEqualTo(instance.getBusinessKey()).startsWith("FQ-");
        assertThat(item.path("processKey").asText()).isEqualTo(KEY);
        assertThat(item.path("processName").asText()).isEqualTo("赋权下放审批");
        assertThat(item.path("subject").asText()).isEqualTo("城市管理和综合执法局 向东华街道、南湖街道下放 2 项权力");
        assertThat(item.path("state").asText()).isEqualTo("RUNNING");
        assertThat(item.path("stateLabel").asText()).isEqualTo("办理中");
        assertThat(item.path("starterName").asText()).isEqualTo("吴强");
        assertThat(item.path("startedAt").asText()).matches(BEIJING_TIME);
        assertThat(item.path("endedAt").isNull()).isTrue();
        assertThat(item.path("outcome").isNull()).isTrue();
        JsonNode steps = item.path("currentSteps");
        assertThat(texts(steps, "name")).contains("评估承接能力", "合法性审查");
        assertThat(texts(steps, "orgName")).contains("东华街道", "南湖街道").doesNotContain("S01", "S03");
        steps.forEach(step -> assertThat(step.path("due").asText()).matches(BEIJING_TIME));
        assertThat(item.path("myLastStep").isNull()).isTrue();
        assertThat(item.path("withdrawableTaskId").isNull()).isTrue();

        JsonNode started = listed("cgzf-off", "started", instance);
        assertThat(started).isNotNull();
        assertThat(started.path("subject").asText()).isEqualTo(item.path("subject").asText());
        assertThat(listed("s01-off", "started", instance)).isNull();
    }

    @Test
    void shouldListTheCaseInTheReviewersDoneListWithTheStepTheyMayStillWithdraw() {
        ProcessInstance instance = start();
        Task s01 = capacityTask(instance, "S01");
        complete("s01-off", s01, Map.of(Vars.CAPACITY_DECISION, CAPACITY_ACCEPT_WITH_CONDITIONS,
                Vars.CAPACITY_COMMENT, "需派员带教"));

        JsonNode done = listed("s01-off", "done", instance);
        assertThat(done).isNotNull();
        assertThat(done.path("myLastStep").path("name").asText()).isEqualTo("评估承接能力");
        assertThat(done.path("myLastStep").path("historicTaskId").asText()).isEqualTo(s01.getId());
        assertThat(done.path("myLastStep").path("endedAt").asText()).matches(BEIJING_TIME);
        // the other street and the legal review are still at work: the street may take its review back
        assertThat(done.path("withdrawableTaskId").asText()).isEqualTo(s01.getId());
        assertThat(listed("s03-off", "done", instance)).isNull();

        complete("s03-off", capacityTask(instance, "S03"), Map.of(Vars.CAPACITY_DECISION, CAPACITY_ACCEPT));
        complete("legal", task(instance, REVIEW_LEGALITY), Map.of(Vars.LEGAL_DECISION, LEGAL_LAWFUL));
        complete("bianban", task(instance, CONFIRM_STAFFING), Map.of(Vars.STAFFING_DECISION, STAFFING_APPROVE));

        // the staffing office has decided since: too late to withdraw
        JsonNode later = listed("s01-off", "done", instance);
        assertThat(later.path("withdrawableTaskId").isNull()).isTrue();
        assertThat(texts(later.path("currentSteps"), "name")).containsExactly("区政府常务会议审定");
        assertThat(listed("s03-off", "done", instance)).isNotNull();
        assertThat(listed("bianban", "done", instance).path("myLastStep").path("name").asText())
                .isEqualTo("确认编随事转");
    }

    @Test
    void shouldShowEveryStepWithWhoWhereWhenHowLongAndTheOpinion() {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() / 1000 * 1000));
        ProcessInstance instance = start();
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + (2 * 60 + 5) * 60_000L));
        complete("s01-off", capacityTask(instance, "S01"), Map.of(Vars.CAPACITY_DECISION,
                CAPACITY_ACCEPT_WITH_CONDITIONS, Vars.CAPACITY_COMMENT, "需派员带教"));
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + (3 * 24 + 4) * 3_600_000L));
        complete("s03-off", capacityTask(instance, "S03"), Map.of(Vars.CAPACITY_DECISION, CAPACITY_ACCEPT));
        complete("legal", task(instance, REVIEW_LEGALITY), Map.of(Vars.LEGAL_DECISION, LEGAL_LAWFUL));

        JsonNode record = record("cgzf-off", instance);

        assertThat(record.path("case").path("caseNo").asText()).isEqualTo(instance.getBusinessKey());
        JsonNode s01 = steps(record, "评估承接能力").stream().filter(s -> "s01-off".equals(s.path("userId").asText()))
                .findFirst().orElseThrow();
        assertThat(s01.path("userName").asText()).isEqualTo("张伟");
        assertThat(s01.path("orgName").asText()).isEqualTo("东华街道办事处");
        assertThat(s01.path("post").asText()).isEqualTo("东华街道办事处工作人员");
        assertThat(s01.path("stateLabel").asText()).isEqualTo("已完成");
        assertThat(s01.path("duration").asText()).isEqualTo("2小时5分");
        assertThat(s01.path("decisionLabel").asText()).isEqualTo("附条件承接");
        assertThat(s01.path("opinion").asText()).isEqualTo("需派员带教");
        assertThat(s01.path("typeLabel").asText()).isEqualTo("同意");
        assertThat(s01.path("createdAt").asText()).matches(BEIJING_TIME);
        assertThat(s01.path("endedAt").asText()).matches(BEIJING_TIME);
        JsonNode s03 = steps(record, "评估承接能力").stream().filter(s -> "s03-off".equals(s.path("userId").asText()))
                .findFirst().orElseThrow();
        assertThat(s03.path("duration").asText()).isEqualTo("3天6小时");
        assertThat(s03.path("orgName").asText()).isEqualTo("南湖街道办事处");
        JsonNode legal = steps(record, "合法性审查").get(0);
        assertThat(legal.path("decisionLabel").asText()).isEqualTo("合法");
        assertThat(legal.path("userName").asText()).isNotBlank().isNotEqualTo("legal");
        JsonNode staffing = steps(record, "确认编随事转").get(0);
        assertThat(staffing.path("stateLabel").asText()).isEqualTo("办理中");
        assertThat(staffing.path("endedAt").isNull()).isTrue();
        assertThat(staffing.path("orgName").asText()).isNotBlank().isNotEqualTo("bianban");
        assertThat(staffing.path("decisionLabel").isNull()).isTrue();
        assertThat(texts(record.path("opinions"), "type")).containsExactly("APPROVE", "APPROVE", "APPROVE");
        assertThat(texts(record.path("opinions"), "text")).contains("需派员带教");
        assertThat(record.path("reports").isArray()).isTrue();
        assertThat(record.path("reports")).isEmpty();
    }

    @Test
    void shouldDrawTheDiagramWithThePathTakenAndTheCurrentStep() {
        ProcessInstance instance = atStaffing();

        JsonNode diagram = diagram("cgzf-off", instance);

        assertThat(diagram.path("processDefinitionId").asText()).isEqualTo(instance.getProcessDefinitionId());
        assertThat(diagram.path("xml").asText()).startsWith("<?xml").contains("id=\"power-delegation\"");
        List<String> completed = values(diagram.path("completed"));
        assertThat(completed).contains(START_EVENT, REVIEW_CAPACITY, REVIEW_LEGALITY, REVIEWS, "gateway_legalDecision")
                .doesNotContain(CONFIRM_STAFFING, END_UNLAWFUL)
                .noneMatch(id -> id.contains("#"));
        assertThat(values(diagram.path("active"))).containsExactly(CONFIRM_STAFFING);
        assertThat(values(diagram.path("flows"))).contains("flow_reviewLegalityToDecision", "flow_legalDecisionToDone",
                "flow_capacityStartToReview").doesNotContain("flow_legalDecisionToUnlawful", "flow_legalDecisionToRevise");
    }

    @Test
    void shouldShowTheCaseToItsOwnOrganisationsAndAuditorsButNeverToAnotherOrganisation() {
        ProcessInstance instance = atStaffing();

        assertRefused("s02-off", instance);
        assertRefused("ga-off", instance);
        assertRefused("s01-ga-head", instance);
        // the street committee of a street the case names never acted on it, yet it is theirs
        assertThat(caseOf("s01-sec", instance).path("caseNo").asText()).isEqualTo(instance.getBusinessKey());
        assertThat(record("auditor", instance).path("steps").size()).isGreaterThanOrEqualTo(4);
        assertThat(diagram("admin", instance).path("active").size()).isEqualTo(1);

        Http.Response unknown = Http.as(port, "s01-off").get("/api/cases/no-such-case/record");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("message").asText()).contains("案件不存在");
        for (String path : List.of("/api/cases/done", "/api/cases/started", "/api/cases/" + instance.getId(),
                "/api/cases/" + instance.getId() + "/record", "/api/cases/" + instance.getId() + "/diagram")) {
            assertThat(Http.anonymous(port).get(path).status()).as(path).isEqualTo(401);
        }
    }

    // ---------------------------------------------------------------- helpers

    private ProcessInstance atStaffing() {
        ProcessInstance instance = start();
        complete("s01-off", capacityTask(instance, "S01"), Map.of(Vars.CAPACITY_DECISION, CAPACITY_ACCEPT));
        complete("s03-off", capacityTask(instance, "S03"), Map.of(Vars.CAPACITY_DECISION, CAPACITY_ACCEPT));
        complete("legal", task(instance, REVIEW_LEGALITY), Map.of(Vars.LEGAL_DECISION, LEGAL_LAWFUL));
        return instance;
    }

    private ProcessInstance start() {
        Map<String, Object> vars = DelegationTestData.proposal(List.of("S01", "S03"));
        return as("cgzf-off", () -> runtimeService.startProcessInstanceByKey(KEY, vars));
    }

    private Task capacityTask(ProcessInstance instance, String orgCode) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(REVIEW_CAPACITY)
                .taskCandidateGroup("street-office-" + orgCode).includeAssignedTasks().singleResult();
    }
}
