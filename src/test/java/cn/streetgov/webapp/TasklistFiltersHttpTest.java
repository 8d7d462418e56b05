package cn.streetgov.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import cn.streetgov.whistle.process.WhistleProcess;
import cn.streetgov.whistle.process.WhistleProcess.Elements;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Tasklist filters of every official — 本单位待办, 我的待办, 即将到期 (due within 2 days), 已超期 — over
 * /engine-rest and the webapps' engine API as Tasklist lists them: in that order, each holding what
 * its name says for the caller's own organisation only, the variables of the cards with Chinese
 * labels; the filters' stored expressions are evaluated, a user's are refused.
 */
class TasklistFiltersHttpTest extends ProcessTestSupport {

    private static final String WEBAPP_API = "/camunda/api/engine/engine/default";
    private static final long HOUR = 3_600_000L;

    @LocalServerPort
    int port;

    private final List<String> cases = new ArrayList<>();
    private Task dueSoon;
    private Task dueLater;
    private Task overdue;
    private Task mineDueSoon;

    @BeforeEach
    void fourReportsOfThePoliceStationOfDonghua() {
        long now = ClockUtil.getCurrentTime().getTime();
        dueSoon = report(new Date(now + 24 * HOUR));
        dueLater = report(new Date(now + 5 * 24 * HOUR));
        overdue = report(new Date(now - HOUR));
        mineDueSoon = report(new Date(now + 30 * HOUR));
        as("s01-ga-head", () -> {
            taskService.claim(mineDueSoon.getId(), "s01-ga-head");
            return null;
        });
    }

    @Test
    void shouldGiveEveryOfficialTheFourFiltersInOrderWithChineseLabelsOnTheCards() {
        for (Http official : List.of(Http.as(port, "s01-ga-head"), Http.as(port, "bianban"))) {
            JsonNode filters = official.get("/engine-rest/filter?resourceType=Task").json();
            List<JsonNode> sorted = StreamSupport.stream(filters.spliterator(), false)
                    .sorted(Comparator.comparingInt(f -> f.path("properties").path("priority").asInt())).toList();
            assertThat(sorted.stream().map(f -> f.path("name").asText()))
                    .containsExactly("本单位待办", "我的待办", "即将到期", "已超期");
            for (JsonNode filter : sorted) {
                JsonNode variables = filter.path("properties").path("variables");
                assertThat(variables.size()).as(filter.path("name").asText()).isPositive();
                for (JsonNode variable : variables) {
                    assertThat(variable.path("label").asText()).matches("[\\p{IsHan}/]+");
                    // a card shows what a person reads: the urgency's label, names — never a code
                    assertThat(variable.path("name").asText()).doesNotEndWith("Code").isNotEqualTo("urgency");
                }
            }
        }
        Http tasklist = Http.webappLogin(port, "s01-ga-head", "tasklist");
        Http.Response listed = tasklist.get(WEBAPP_API + "/filter?resourceType=Task&itemCount=true");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().findValuesAsText("name")).contains("即将到期", "已超期");
    }

    @Test
    void shouldShowTheCaseOnTheCardsToAnOfficialWhoHoldsNoRightOnTheCaseItself() throws Exception {
        // what Tasklist asks for its cards: the filter's list as HAL, with the filter's variables embedded
        String body = Http.JSON.writeValueAsString(Map.of("processInstanceIdIn", cases));
        HttpResponse<String> cards = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/engine-rest/filter/" + filterId("本单位待办") + "/list"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("s01-ga-head:demo".getBytes()))
                .header("Accept", "application/hal+json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cards.statusCode()).as(cards.body()).isEqualTo(200);
        JsonNode tasks = Http.JSON.readTree(cards.body()).path("_embedded").path("task");
        assertThat(tasks).hasSize(4);
        for (JsonNode task : tasks) {
            JsonNode variables = task.path("_embedded").path("variable");
            assertThat(variables.findValuesAsText("name")).as(task.path("name").asText()).containsExactly("caseCard");
            assertThat(variables.get(0).path("value").asText()).isEqualTo("一般 · 夜间施工噪声扰民");
        }
    }

    @Test
    void shouldHoldInEachFilterWhatItsNameSaysForTheCallersOwnOrganisationOnly() {
        Http head = Http.as(port, "s01-ga-head");
        assertThat(list(head, "/engine-rest", "本单位待办"))
                .containsExactlyInAnyOrder(dueSoon.getId(), dueLater.getId(), overdue.getId(), mineDueSoon.getId());
        assertThat(list(head, "/engine-rest", "我的待办")).containsExactly(mineDueSoon.getId());
        assertThat(list(head, "/engine-rest", "即将到期")).containsExactly(dueSoon.getId(), mineDueSoon.getId());
        assertThat(list(head, "/engine-rest", "已超期")).containsExactly(overdue.getId());

        // as Tasklist lists them, with the webapp session
        Http tasklist = Http.webappLogin(port, "s01-ga-head", "tasklist");
        assertThat(list(tasklist, WEBAPP_API, "即将到期")).containsExactly(dueSoon.getId(), mineDueSoon.getId());
        assertThat(list(tasklist, WEBAPP_API, "已超期")).containsExactly(overdue.getId());

        // another street's police station sees none of them
        Http other = Http.as(port, "s02-ga-head");
        for (String filter : List.of("本单位待办", "我的待办", "即将到期", "已超期")) {
            assertThat(list(other, "/engine-rest", filter)).as(filter).isEmpty();
        }
    }

    @Test
    void shouldRefuseExpressionsSentByAUserToTheNewFilters() {
        Http head = Http.as(port, "s01-ga-head");
        for (String name : List.of("即将到期", "已超期")) {
            String id = filterId(name);
            assertThat(head.postJson("/engine-rest/filter/" + id + "/list",
                    Map.of("orQueries", List.of(Map.of("dueDateExpression", "${now()}")))).status()).isEqualTo(400);
            assertThat(head.postJson("/engine-rest/filter/" + id + "/count",
                    Map.of("dueBeforeExpression", "${dateTime().plusDays(30).toDate()}")).status()).isEqualTo(400);
            Http tasklist = Http.webappLogin(port, "s01-ga-head", "tasklist");
            assertThat(tasklist.postJson(WEBAPP_API + "/filter/" + id + "/list",
                    Map.of("assigneeExpression", "${currentUser()}")).status()).isEqualTo(400);
        }
    }

    private List<String> list(Http http, String api, String filterName) {
        Http.Response response = http.postJson(api + "/filter/" + filterId(filterName) + "/list",
                Map.of("processInstanceIdIn", cases));
        assertThat(response.status()).as(filterName + ": " + response.body()).isEqualTo(200);
        return response.json().findValuesAsText("id");
    }

    private String filterId(String name) {
        return engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId();
    }

    /** A whistle of 东华街道 summoning 公安分局: its report is 东华派出所's, due at {@code due}. */
    private Task report(Date due) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.ORG_CODE, "S01");
        vars.put(Vars.SUMMARY, "夜间施工噪声扰民");
        vars.put(Vars.URGENCY, "NORMAL");
        vars.put(Vars.DEPT_CODES, "GA");
        ProcessInstance pi = as("s01-off", () -> runtimeService.startProcessInstanceByKey(WhistleProcess.KEY, vars));
        cases.add(pi.getId());
        Task report = task(pi, Elements.REPORT);
        report.setDueDate(due);
        taskService.saveTask(report);
        return report;
    }
}
