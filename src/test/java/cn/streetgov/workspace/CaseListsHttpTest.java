package cn.streetgov.workspace;

import static cn.streetgov.whistle.process.WhistleProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Http;
import cn.streetgov.whistle.process.WhistleProcess;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * 已办 and 我发起的 as lists: the caller's own cases only, newest first, searched by a part of the case
 * number or of the subject, paged, filtered by state; bad parameters are 400 with a Chinese reason.
 */
class CaseListsHttpTest extends WorkspaceTestSupport {

    @Test
    void shouldSearchPageAndFilterTheCallersOwnCases() {
        String token = "列表" + UUID.randomUUID().toString().substring(0, 8);
        ProcessInstance first = blow(token + " 第一件");
        ProcessInstance second = blow(token + " 第二件");
        ProcessInstance third = blow(token + " 第三件");
        finish(first);

        JsonNode all = ok("t01-off", "/api/cases/started?q=" + encode(token));
        assertThat(all.path("total").asLong()).isEqualTo(3);
        assertThat(ids(all)).containsExactly(third.getId(), second.getId(), first.getId());

        JsonNode page0 = ok("t01-off", "/api/cases/started?size=2&page=0&q=" + encode(token));
        JsonNode page1 = ok("t01-off", "/api/cases/started?size=2&page=1&q=" + encode(token));
        assertThat(page0.path("total").asLong()).isEqualTo(3);
        assertThat(page1.path("total").asLong()).isEqualTo(3);
        assertThat(ids(page0)).containsExactly(third.getId(), second.getId());
        assertThat(ids(page1)).containsExactly(first.getId());

        // by the case number, in any case of letters
        assertThat(ids(ok("t01-off", "/api/cases/started?q=" + second.getBusinessKey().toLowerCase(Locale.ROOT))))
                .containsExactly(second.getId());
        assertThat(ids(ok("t01-off", "/api/cases/started?q=" + encode(token + " 第三")))).containsExactly(third.getId());
        // LIKE wildcards are text, not patterns
        assertThat(ok("t01-off", "/api/cases/started?q=" + encode(token + "%")).path("total").asLong()).isZero();
        assertThat(ok("t01-off", "/api/cases/started?q=" + encode("列表_")).path("total").asLong()).isZero();

        assertThat(ids(ok("t01-off", "/api/cases/started?state=ENDED&q=" + encode(token))))
                .containsExactly(first.getId());
        assertThat(ids(ok("t01-off", "/api/cases/started?state=running&q=" + encode(token))))
                .containsExactly(third.getId(), second.getId());

        // 已办: only the case the agency and the street office worked on
        assertThat(ids(ok("t01-ga-head", "/api/cases/done?q=" + encode(token)))).containsExactly(first.getId());
        assertThat(ids(ok("t01-off", "/api/cases/done?q=" + encode(token)))).containsExactly(first.getId());
        assertThat(ids(ok("t01-off", "/api/cases/done?state=RUNNING&q=" + encode(token)))).isEmpty();
        // nobody else's lists hold them
        for (String other : List.of("s01-off", "t01-sec", "auditor", "admin")) {
            assertThat(ok(other, "/api/cases/started?q=" + encode(token)).path("total").asLong()).as(other).isZero();
            assertThat(ok(other, "/api/cases/done?q=" + encode(token)).path("total").asLong()).as(other).isZero();
        }
    }

    @Test
    void shouldRefuseBadParametersWithChineseReasons() {
        assertBad("/api/cases/done?state=OPEN", "参数 state");
        assertBad("/api/cases/started?size=0", "参数 size");
        assertBad("/api/cases/started?size=101", "参数 size");
        assertBad("/api/cases/done?page=-1", "参数 page");
        Http.Response notNumber = Http.as(port, "t01-off").get("/api/cases/done?page=abc");
        assertThat(notNumber.status()).isEqualTo(400);
        assertThat(notNumber.json().path("message").asText()).isNotBlank();
    }

    // ---------------------------------------------------------------- helpers

    private void assertBad(String path, String reason) {
        Http.Response response = Http.as(port, "t01-off").get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("message").asText()).contains(reason);
    }

    private static List<String> ids(JsonNode page) {
        return items(page).stream().map(i -> i.path("processInstanceId").asText()).toList();
    }

    private ProcessInstance blow(String summary) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.ORG_CODE, "T01");
        vars.put(Vars.SUMMARY, summary);
        vars.put(Vars.URGENCY, "NORMAL");
        vars.put(Vars.DEPT_CODES, "GA");
        return as("t01-off", () -> runtimeService.startProcessInstanceByKey(WhistleProcess.KEY, vars));
    }

    private void finish(ProcessInstance instance) {
        complete("t01-ga-head", task(instance, REPORT), Map.of(Vars.REPORT_NOTE, "已到场"));
        complete("t01-off", task(instance, HANDLE), Map.of(Vars.HANDLING_NOTE, "已处置"));
        complete("t01-off", task(instance, CONFIRM), Map.of(Vars.RESOLVED, true));
        complete("t01-off", task(instance, FOLLOW_UP), Map.of(Vars.SATISFACTION, 4));
    }
}
