package cn.streetgov.approval;

import static cn.streetgov.delegation.process.PowerDelegationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.casework.CaseDecision;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import cn.streetgov.test.Http;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The approval operations over HTTP: a login for everything, 4xx with a Chinese reason for every
 * bad request — and a refused request changes nothing.
 */
class ApprovalOperationsHttpTest extends DelegationApprovalTestSupport {

    @LocalServerPort
    int port;

    @Test
    void shouldAnswerBadRequestsWithChineseReasonsAndChangeNothing() {
        ProcessInstance instance = start(List.of("S01"));
        Task review = capacityTask(instance, "S01");
        String base = "/api/tasks/" + review.getId();

        assertThat(Http.anonymous(port).get(base + "/operations").status()).isEqualTo(401);
        assertThat(Http.anonymous(port).postJson(base + "/urge", Map.of()).status()).isEqualTo(401);
        assertRefused(Http.as(port, "s01-off").get("/api/tasks/no-such-task/return-targets"), 404, "任务不存在或已办结");
        assertRefused(Http.as(port, "s01-off").postJson(base + "/return", Map.of("targetActivityId", REVIEW_LEGALITY)),
                400, "请填写退回理由");
        assertRefused(Http.as(port, "s01-off").postJson(base + "/return", Map.of("targetActivityId", CONFIRM_STAFFING,
                "reason", "试试")), 400, "不能退回到「确认编随事转」");
        assertRefused(Http.as(port, "s02-off").postJson(base + "/transfer", Map.of("userId", "s02-sec", "reason", "x")),
                403, "不是您所在单位的任务");
        assertRefused(Http.as(port, "auditor").postJson(base + "/copy", Map.of("userIds", List.of("ga-off"))),
                403, "审计人员只能查阅");
        assertRefused(Http.as(port, "s01-off").postJson(base + "/copy", Map.of("userIds", List.of("nobody-here"))),
                400, "抄送对象不存在");
        assertRefused(Http.as(port, "s01-off").postJson(base + "/add-sign", Map.of("userIds", List.of("s01-sec"),
                "position", "SIDEWAYS", "reason", "x")), 400, "加签方式只能是");
        assertRefused(Http.as(port, "s01-off").get(base + "/people?for=URGE"), 400, "参数 for 只能是");
        Http.Response broken = Http.as(port, "s01-off").sendBytes("POST", base + "/urge", "application/json",
                "{\"note\":".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.status()).isEqualTo(400);
        assertRefused(Http.as(port, "ga-off").get("/api/cases/" + instance.getId() + "/opinions"), 403, "无权查阅案件");
        assertRefused(Http.as(port, "s01-off").postJson("/api/copies/999999/read", Map.of()), 404, "抄送记录不存在");

        assertThat(record.ofProcessInstance(instance.getId())).isEmpty();
        assertThat(capacityTask(instance, "S01").getId()).isEqualTo(review.getId());
        assertThat(capacityTask(instance, "S01").getAssignee()).isNull();
    }

    @Test
    void shouldOperateOverHttpAndRefuseASecondUrgeWithinTheHourWith429() {
        ProcessInstance instance = start(List.of("S01"));
        Task review = capacityTask(instance, "S01");
        String base = "/api/tasks/" + review.getId();

        Http.Response operations = Http.as(port, "s01-off").get(base + "/operations");
        assertThat(operations.status()).isEqualTo(200);
        assertThat(operations.json().path("caseNo").asText()).isEqualTo(instance.getBusinessKey());
        assertThat(operations.json().path("processInstanceId").asText()).isEqualTo(instance.getId());
        assertThat(operations.json().path("labels").path("COPY").asText()).isEqualTo("抄送");

        Http.Response urged = Http.as(port, "cgzf-off").postJson(base + "/urge", Map.of("note", "请尽快评估"));
        assertThat(urged.status()).as(urged.body()).isEqualTo(200);
        assertThat(urged.json().path("message").asText()).contains("已催办");
        Http.Response again = Http.as(port, "cgzf-off").postJson(base + "/urge", Map.of("note", "再催"));
        assertRefused(again, 429, "下次可催办时间");

        Http.Response copied = Http.as(port, "s01-off").postJson(base + "/copy",
                Map.of("userIds", List.of("ga-off"), "note", "请知悉"));
        assertThat(copied.status()).as(copied.body()).isEqualTo(200);
        Http.Response copies = Http.as(port, "ga-off").get("/api/copies");
        assertThat(copies.json().path("unread").asInt()).isGreaterThanOrEqualTo(1);
        Http.Response opinions = Http.as(port, "ga-off").get("/api/cases/" + instance.getId() + "/opinions");
        assertThat(opinions.status()).isEqualTo(200);
        assertThat(opinions.json().findValuesAsText("type")).containsExactly("URGE", "COPY");
        assertThat(opinions.json().get(0).path("typeLabel").asText()).isEqualTo("催办");
        assertThat(opinions.json().get(0).path("orgCode").asText()).isEqualTo("CGZF");
        // a copy grants reading, never acting
        assertThat(Http.as(port, "ga-off").postJson("/engine-rest/task/" + review.getId() + "/complete",
                Map.of("variables", Map.of(Vars.CAPACITY_DECISION, Map.of("value", "ACCEPT")))).status())
                .isIn(403, 404);
        assertThat(entries(instance, CaseDecision.Type.URGE)).hasSize(1);
    }

    @Test
    void shouldNeedTheXsrfHeaderForAnOperationSentWithAWebappSession() {
        ProcessInstance instance = start(List.of("S01"));
        Task review = capacityTask(instance, "S01");
        Http session = Http.webappLogin(port, "cgzf-off", "tasklist");
        String token = session.get("/api/tasks/" + review.getId() + "/operations").header("X-XSRF-TOKEN");
        session.setXsrfToken(null);
        assertThat(session.postJson("/api/tasks/" + review.getId() + "/urge", Map.of()).status()).isEqualTo(403);
        assertThat(entries(instance, CaseDecision.Type.URGE)).isEmpty();
        session.setXsrfToken(token);
        assertThat(session.postJson("/api/tasks/" + review.getId() + "/urge", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseToCompleteASignTaskThroughTheEngineApi() {
        ProcessInstance instance = start(List.of("S01"));
        Task review = capacityTask(instance, "S01");
        String colleague = colleague(cn.streetgov.org.domain.PostRole.STREET_OFFICE, "S01", "吴", "科员");
        org.camunda.bpm.engine.identity.User account = identityService.createUserQuery().userId(colleague).singleResult();
        account.setPassword("Qianming-2026!");
        identityService.saveUser(account);
        by("s01-off", u -> signatures.addSign(u, review.getId(), List.of(colleague), "BEFORE", "请先提意见"));
        Task sign = taskService.createTaskQuery().taskParentTaskId(review.getId()).singleResult();
        assertRefused(Http.as(port, colleague, "Qianming-2026!").postJson("/engine-rest/task/" + sign.getId()
                + "/complete", Map.of()), 400, "加签任务");
        assertThat(taskService.createTaskQuery().taskId(sign.getId()).count()).isEqualTo(1);
    }

    private static void assertRefused(Http.Response response, int status, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().path("message").asText()).contains(reason);
    }
}
