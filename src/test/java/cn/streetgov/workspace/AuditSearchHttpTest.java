package cn.streetgov.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.test.Http;
import cn.streetgov.whistle.process.WhistleProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * The auditors' search (审计查询) over REST: a finished case found by its case number and by each
 * filter (and not by a filter it does not match), paged, with Chinese labels; its trail, chain check and
 * CSV by case number; for auditors and administrators only, the page too.
 */
class AuditSearchHttpTest extends WorkspaceTestSupport {

    @Test
    void shouldFindAFinishedCaseByItsCaseNumberWithChineseLabelsAndOpenItsTrailByThatNumber() {
        ProcessInstance instance = FinishedCases.whistle(engine, "道路积水，审计查询测试");
        String caseNo = instance.getBusinessKey();

        JsonNode page = ok("auditor", "/api/audit/cases?caseNo=" + encode(caseNo));
        assertThat(page.path("total").asLong()).isEqualTo(1);
        JsonNode item = page.path("items").get(0);
        assertThat(item.path("processInstanceId").asText()).isEqualTo(instance.getId());
        assertThat(item.path("caseNo").asText()).isEqualTo(caseNo);
        assertThat(item.path("processName").asText()).isEqualTo("街道吹哨、部门报到");
        assertThat(item.path("subject").asText()).isEqualTo("道路积水，审计查询测试");
        assertThat(item.path("stateLabel").asText()).isEqualTo("已办结");
        assertThat(item.path("outcomeLabel").asText()).isEqualTo("已办结");
        assertThat(item.path("starterName").asText()).isNotBlank().doesNotContain("s01-off");
        assertThat(values(item.path("orgNames"))).contains("东华街道", "东华派出所").noneMatch(n -> n.matches("[A-Z0-9-]+"));
        assertThat(item.path("startedAt").asText()).matches(BEIJING_TIME);
        assertThat(item.path("endedAt").asText()).matches(BEIJING_TIME);
        // the beginning of the number finds it too (lower case as typed)
        assertThat(items(ok("auditor", "/api/audit/cases?size=100&caseNo=" + encode(caseNo.substring(0, caseNo.length() - 1).toLowerCase()))))
                .extracting(i -> i.path("processInstanceId").asText()).contains(instance.getId());

        JsonNode byNumber = ok("auditor", "/api/audit/by-case-no/" + encode(caseNo));
        assertThat(byNumber.path("processInstanceId").asText()).isEqualTo(instance.getId());
        Http.Response unknown = Http.as(port, "auditor").get("/api/audit/by-case-no/CS-1999-9999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("message").asText()).contains("没有案件编号为 CS-1999-9999 的案件");

        // the trail, its check and its CSV by case number as by engine id (was 404)
        Http.Response trail = Http.as(port, "auditor").get("/api/audit/" + encode(caseNo));
        assertThat(trail.status()).as(trail.body()).isEqualTo(200);
        assertThat(trail.header("X-Audit-Chain")).isEqualTo("intact");
        JsonNode entries = trail.json();
        assertThat(entries.get(0).path("processInstanceId").asText()).isEqualTo(instance.getId());
        assertThat(texts(entries, "eventLabel")).contains("发起", "办理", "结束");
        entries.forEach(e -> assertThat(e.path("localTime").asText()).matches(BEIJING_TIME));
        assertThat(texts(entries, "actorName")).contains(item.path("starterName").asText()).doesNotContain("s01-off");
        assertThat(ok("auditor", "/api/audit/" + encode(caseNo) + "/verify").path("intact").asBoolean()).isTrue();
        Http.Response csv = Http.as(port, "auditor").get("/api/audit/" + encode(caseNo) + ".csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains(caseNo, "发起", "结束");
    }

    @Test
    void shouldFilterByProcessOrganisationPersonPeriodOutcomeAndState() {
        ProcessInstance instance = FinishedCases.whistle(engine, "井盖缺失，审计筛选测试");
        String id = instance.getId();
        String today = CaseClock.today().toString();
        String tomorrow = CaseClock.today().plusDays(1).toString();
        String yesterday = CaseClock.today().minusDays(1).toString();

        // each filter alone that the case matches finds it, with the case number to keep the page small
        String no = "caseNo=" + encode(instance.getBusinessKey()) + "&";
        for (String filter : List.of("processKey=" + WhistleProcess.KEY, "orgCode=S01", "orgCode=S01-GA", "orgCode=GA",
                "userId=s01-off", "userId=s01-ga-head", "from=" + today, "to=" + today, "from=" + yesterday + "&to=" + today,
                "dates=ENDED&from=" + today + "&to=" + today, "outcome=CLOSED", "state=ENDED",
                "processKey=" + WhistleProcess.KEY + "&orgCode=S01&userId=s01-off&from=" + today + "&outcome=CLOSED&state=ENDED")) {
            assertThat(ids(ok("auditor", "/api/audit/cases?" + no + filter))).as(filter).containsExactly(id);
            // and without the case number, among the others
            assertThat(ids(ok("auditor", "/api/audit/cases?size=100&" + filter))).as(filter).contains(id);
        }
        // each filter it does not match leaves it out
        for (String filter : List.of("processKey=power-delegation", "orgCode=S02", "orgCode=S01-SCJG", "userId=s02-off",
                "userId=cgzf-off", "from=" + tomorrow, "to=" + yesterday, "dates=ENDED&to=" + yesterday,
                "outcome=PUBLISHED", "state=RUNNING")) {
            assertThat(ids(ok("auditor", "/api/audit/cases?" + no + filter))).as(filter).isEmpty();
        }
        // a day is a day in Beijing: the case started today there
        assertThat(LocalDate.parse(today)).isEqualTo(CaseClock.today());
    }

    @Test
    void shouldPageNewestFirst() {
        ProcessInstance first = FinishedCases.whistle(engine, "分页测试一");
        ProcessInstance second = FinishedCases.whistle(engine, "分页测试二");
        String filter = "/api/audit/cases?userId=s01-off&processKey=" + WhistleProcess.KEY;
        long total = ok("auditor", filter + "&size=1").path("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(2);
        assertThat(ids(ok("auditor", filter + "&size=1&page=0"))).containsExactly(second.getId());
        assertThat(ids(ok("auditor", filter + "&size=1&page=1"))).containsExactly(first.getId());
        assertThat(ids(ok("auditor", filter + "&size=2&page=0"))).containsExactly(second.getId(), first.getId());
        assertThat(ok("auditor", filter + "&size=1&page=" + total).path("items")).isEmpty();
        assertThat(ok("auditor", filter + "&size=1&page=" + total).path("total").asLong()).isEqualTo(total);
        for (String bad : List.of("size=0", "size=101", "page=-1", "state=DONE", "from=2026-13-01", "dates=LATER",
                "from=2026-12-03&to=2026-12-01")) {
            Http.Response refused = Http.as(port, "auditor").get("/api/audit/cases?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().path("message").asText()).as(bad).containsPattern("\\p{IsHan}");
        }
    }

    @Test
    void shouldOfferTheChoicesByName() {
        JsonNode options = ok("auditor", "/api/audit/cases/options");
        assertThat(texts(options.path("processes"), "label")).contains("街道吹哨、部门报到", "赋权下放审批");
        assertThat(texts(options.path("organisations"), "label")).contains("东华街道", "城市管理和综合执法局", "东华派出所");
        assertThat(texts(options.path("organisations"), "group")).contains("街道/镇", "职能部门", "派驻机构");
        assertThat(texts(options.path("people"), "value")).contains("s01-off", "cgzf-off");
        assertThat(texts(options.path("people"), "label")).noneMatch(l -> l.matches(".*[a-z].*"));
        assertThat(texts(options.path("outcomes"), "label")).contains("已公布", "已办结", "已终止");
    }

    @Test
    void shouldAnswerAuditorsAndAdministratorsOnlyThePageToo() {
        assertThat(ok("admin", "/api/audit/cases?size=1").has("total")).isTrue();
        for (String official : List.of("s01-off", "cgzf-off", "kaohe")) {
            for (String path : List.of("/api/audit/cases", "/api/audit/cases/options", "/api/audit/by-case-no/CS-2026-0001")) {
                Http.Response refused = Http.as(port, official).get(path);
                assertThat(refused.status()).as(official + " " + path).isEqualTo(403);
                assertThat(refused.json().path("message").asText()).isEqualTo("审计查询仅供审计人员和系统管理员使用");
            }
            Http.Response page = Http.as(port, official).get("/app/audit");
            assertThat(page.status()).isEqualTo(403);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.body()).contains("审计查询仅供审计人员和系统管理员使用", "返回任务列表").doesNotContain("\"message\"");
        }
        for (String reader : List.of("auditor", "admin")) {
            Http.Response page = Http.as(port, reader).get("/app/audit");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.body()).contains("审计查询", "/_static/streetgov/audit-page.js");
        }
        assertThat(Http.anonymous(port).get("/api/audit/cases").status()).isEqualTo(401);
        assertThat(Http.anonymous(port).get("/_static/streetgov/audit-page.js").status()).isEqualTo(200);
    }

    private static List<String> ids(JsonNode page) {
        return items(page).stream().map(i -> i.path("processInstanceId").asText()).toList();
    }
}
