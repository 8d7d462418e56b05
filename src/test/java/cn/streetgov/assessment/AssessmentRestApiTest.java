package cn.streetgov.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Http;
import cn.streetgov.test.Http.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A campaign over /engine-rest as Tasklist does it (submit-form, task query, claim, submit-form) by
 * the demo users, an objection over /api, and the results over GET /api/assessments.
 */
class AssessmentRestApiTest extends AssessmentTestSupport {

    @LocalServerPort
    int port;

    @Test
    void shouldRunACaseOverRestAndShowItInTheResults() {
        String period = freshPeriod();
        Http kaohe = Http.as(port, "kaohe");
        Response started = kaohe.postJson("/engine-rest/process-definition/key/agency-assessment/submit-form",
                Map.of("variables", Map.of("period", Map.of("value", period), "orgCodes", Map.of("value", "T01"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().path("businessKey").asText()).isEqualTo("KH-" + period);
        // the agencies' cases are opened by jobs (the engine's job executor; here the test runs them)
        runDueJobs(runtimeService.createProcessInstanceQuery().processInstanceId(started.json().path("id").asText())
                .singleResult());

        Response again = kaohe.postJson("/engine-rest/process-definition/key/agency-assessment/submit-form",
                Map.of("variables", Map.of("period", Map.of("value", period))));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("message").asText()).contains("已发起过考核");

        String caseNo = "KH-" + period + "-T01-GA";
        submit("t01-ga-head", caseNo, Map.of("selfScore", Map.of("value", 88, "type", "Long"),
                "selfReport", Map.of("value", "按清单履职")));
        Response refused = submitResponse("t01-off", caseNo, Map.of(
                "scoreCommand", Map.of("value", 60, "type", "Long"), "scoreDuty", Map.of("value", 90, "type", "Long"),
                "scoreStyle", Map.of("value", 90, "type", "Long"), "scoreCooperation", Map.of("value", 90, "type", "Long"),
                "scoreSatisfaction", Map.of("value", 90, "type", "Long"), "vetoItem", Map.of("value", false)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains("修改预填指挥调度分的理由");
        submit("t01-off", caseNo, Map.of(
                "scoreCommand", Map.of("value", 100, "type", "Long"), "scoreDuty", Map.of("value", 90, "type", "Long"),
                "scoreStyle", Map.of("value", 80, "type", "Long"), "scoreCooperation", Map.of("value", 80, "type", "Long"),
                "scoreSatisfaction", Map.of("value", 80, "type", "Long"), "vetoItem", Map.of("value", false)));
        submit("t01-sec", caseNo, Map.of("committeeDecision", Map.of("value", "CONFIRM")));

        JsonNode rows = kaohe.get("/api/assessments?period=" + period).json();
        assertThat(rows).hasSize(3);
        JsonNode ga = row(rows, "T01-GA");
        assertThat(ga.path("orgCode").asText()).isEqualTo("T01");
        assertThat(ga.path("deptCode").asText()).isEqualTo("GA");
        assertThat(ga.path("status").asText()).isEqualTo("PUBLICITY");
        assertThat(ga.path("grade").asText()).isEqualTo("GOOD");
        // 100*.25 + 90*.25 + 80*.15 + 80*.15 + 80*.20 = 87.5
        assertThat(ga.path("totalScore").decimalValue()).isEqualByComparingTo("87.5");
        assertThat(ga.path("objective").path("summoned").asInt()).isZero();
        assertThat(row(rows, "T01-CGZF").path("status").asText()).isEqualTo("SCORING");

        Response objection = Http.as(port, "t01-ga-head").postJson("/api/assessments/" + caseNo + "/objection",
                Map.of("reason", "工作作风扣分依据不足"));
        assertThat(objection.status()).as(objection.body()).isEqualTo(200);
        assertThat(objection.json().path("status").asText()).isEqualTo("OBJECTION");
        assertThat(Http.as(port, "t01-cgzf-head").postJson("/api/assessments/" + caseNo + "/objection",
                Map.of("reason", "代为异议")).status()).isEqualTo(403);
        assertThat(row(Http.as(port, "t01-sec").get("/api/assessments?period=" + period).json(), "T01-GA")
                .path("status").asText()).isEqualTo("OBJECTION");
        assertThat(Http.as(port, "s01-sec").get("/api/assessments?period=" + period).json()).isEmpty();
        assertThat(Http.as(port, "auditor").get("/api/assessments?period=" + period).json()).hasSize(3);
        assertThat(kaohe.get("/api/assessments?period=2026-X1").status()).isEqualTo(400);
        assertThat(Http.anonymous(port).get("/api/assessments?period=" + period).status()).isEqualTo(401);
    }

    private static JsonNode row(JsonNode rows, String agencyCode) {
        for (JsonNode row : rows) {
            if (row.path("agencyCode").asText().equals(agencyCode)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + agencyCode + " in " + rows);
    }

    private void submit(String user, String caseNo, Map<String, Object> variables) {
        Response response = submitResponse(user, caseNo, variables);
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    /** As Tasklist: find the user's task of the case, claim it, submit the form. */
    private Response submitResponse(String user, String caseNo, Map<String, Object> variables) {
        Http http = Http.as(port, user);
        JsonNode tasks = http.get("/engine-rest/task?processInstanceBusinessKey=" + caseNo).json();
        assertThat(tasks).as("tasks of %s for %s", caseNo, user).hasSize(1);
        String id = tasks.get(0).path("id").asText();
        http.postJson("/engine-rest/task/" + id + "/claim", Map.of("userId", user));
        return http.postJson("/engine-rest/task/" + id + "/submit-form", Map.of("variables", variables));
    }
}
