package cn.streetgov.admission;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Http;
import cn.streetgov.test.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The duty lists and the admission views over HTTP: the public list and its versions (no login), what
 * a street can see as "not admitted" and one application's record, with who may see them (200 / 403
 * with a Chinese reason / 401), and an application started as Tasklist does it.
 */
@IntegrationTest
class DutyRestApiTest {

    @LocalServerPort
    int port;

    String refusedCase;
    String pendingCase;

    @BeforeEach
    void applications() {
        // one refused by the negative list at once, one waiting for the streets' opinions
        refusedCase = start("cgzf-off", "街道招商引资任务" + DutyAdmissionProcessTest.unique(), "S01");
        pendingCase = start("scjg-off", "农贸市场周边秩序巡查" + DutyAdmissionProcessTest.unique(), "S01,S02");
    }

    @Test
    void shouldPublishTheCurrentListOfAStreetWithoutLogin() {
        Http.Response response = Http.anonymous(port).get("/api/duties?org=S01");
        assertThat(response.status()).isEqualTo(200);
        JsonNode list = response.json();
        assertThat(list.path("orgCode").asText()).isEqualTo("S01");
        assertThat(list.path("orgName").asText()).isEqualTo("东华街道");
        assertThat(list.path("version").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(list.path("items").size()).isGreaterThanOrEqualTo(19);
        List<String> categories = new ArrayList<>();
        list.path("items").forEach(i -> categories.add(i.path("categoryLabel").asText()));
        assertThat(categories).contains("党建管理", "城市管理", "社会管理", "公共服务");
        JsonNode first = list.path("items").get(0);
        assertThat(first.path("code").asText()).isEqualTo("DJ-01");
        assertThat(first.path("sourceLabel").asText()).isEqualTo("基础清单");
        for (String field : List.of("code", "name", "category", "categoryLabel", "source", "sourceLabel", "deptCode",
                "deptName", "staff", "funds", "conditions", "caseNo", "since")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        JsonNode guided = null;
        for (JsonNode item : list.path("items")) {
            if ("CS-01".equals(item.path("code").asText())) {
                guided = item;
            }
        }
        assertThat(guided).isNotNull();
        assertThat(guided.path("deptName").asText()).isEqualTo("城市管理和综合执法局");
    }

    @Test
    void shouldPublishTheVersionsOfAStreetsListWithoutLogin() {
        Http.Response response = Http.anonymous(port).get("/api/duties/versions?org=T01");
        assertThat(response.status()).isEqualTo(200);
        JsonNode first = response.json().get(0);
        assertThat(first.path("version").asInt()).isEqualTo(1);
        assertThat(first.path("note").asText()).isEqualTo("基础履职清单");
        assertThat(first.path("itemCount").asInt()).isEqualTo(20);
        assertThat(first.path("added").size()).isEqualTo(20);
        assertThat(first.path("removed").size()).isZero();
    }

    @Test
    void shouldAnswerABadOrUnknownStreetInChinese() {
        Http anonymous = Http.anonymous(port);
        Http.Response missing = anonymous.get("/api/duties");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("message").asText()).contains("请用参数 org 指定街道/镇");
        Http.Response unknown = anonymous.get("/api/duties/versions?org=X9");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("message").asText()).contains("未知的街道/镇: X9");
    }

    @Test
    void shouldAskForALoginForWhatIsNotAdmittedAndForTheCaseRecord() {
        Http anonymous = Http.anonymous(port);
        assertThat(anonymous.get("/api/duties/not-admitted?org=S01").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/duty-admissions/" + refusedCase).status()).isEqualTo(401);
    }

    @Test
    void shouldShowAStreetWhatIsAskedOfItOutsideItsList() {
        for (String user : List.of("s01-sec", "s01-off", "bianban", "orgdept", "auditor", "admin")) {
            Http.Response response = Http.as(port, user).get("/api/duties/not-admitted?org=S01");
            assertThat(response.status()).as(user).isEqualTo(200);
            assertThat(caseNos(response.json())).as(user).contains(refusedCase, pendingCase);
        }
        JsonNode entries = Http.as(port, "s01-sec").get("/api/duties/not-admitted?org=S01").json();
        for (JsonNode entry : entries) {
            if (entry.path("caseNo").asText().equals(refusedCase)) {
                assertThat(entry.path("status").asText()).isEqualTo("REFUSED_BY_RULES");
                assertThat(entry.path("statusLabel").asText()).isEqualTo("属负面清单，不予准入");
                assertThat(entry.path("reason").asText()).contains("招商引资");
                assertThat(entry.path("deptName").asText()).isEqualTo("城市管理和综合执法局");
            }
            if (entry.path("caseNo").asText().equals(pendingCase)) {
                assertThat(entry.path("status").asText()).isEqualTo("PENDING");
                assertThat(entry.path("categoryLabel").asText()).isEqualTo("城市管理");
            }
        }
        // a department sees its own applications only
        assertThat(caseNos(Http.as(port, "cgzf-off").get("/api/duties/not-admitted?org=S01").json()))
                .contains(refusedCase).doesNotContain(pendingCase);
        assertThat(caseNos(Http.as(port, "ga-off").get("/api/duties/not-admitted?org=S01").json()))
                .doesNotContain(refusedCase, pendingCase);
        // another street, an agency, the government: no
        for (String user : List.of("s02-sec", "s01-ga-head", "govt")) {
            Http.Response refused = Http.as(port, user).get("/api/duties/not-admitted?org=S01");
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.json().path("message").asText()).as(user).contains("东华街道的未准入事项");
        }
    }

    @Test
    void shouldShowTheCaseRecordToItsDepartmentStreetsAndTheDistrictOnly() {
        for (String user : List.of("scjg-off", "s01-sec", "s02-off", "bianban", "orgdept", "auditor")) {
            Http.Response response = Http.as(port, user).get("/api/duty-admissions/" + pendingCase);
            assertThat(response.status()).as(user).isEqualTo(200);
            JsonNode c = response.json();
            assertThat(c.path("caseNo").asText()).isEqualTo(pendingCase);
            assertThat(c.path("statusLabel").asText()).isEqualTo("征求街道/镇意见");
            assertThat(c.path("targets").size()).isEqualTo(2);
            assertThat(c.path("targets").get(0).path("statusLabel").asText()).isEqualTo("待街道/镇党(工)委提出意见");
        }
        for (String user : List.of("cgzf-off", "s03-sec", "t01-off")) {
            Http.Response refused = Http.as(port, user).get("/api/duty-admissions/" + pendingCase);
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.json().path("message").asText()).contains("准入申请 " + pendingCase);
        }
        assertThat(Http.as(port, "auditor").get("/api/duty-admissions/ZR-1999-0001").status()).isEqualTo(404);
    }

    @Test
    void shouldLetAnAuditorReadButNeverStartOrDecide() {
        Http auditor = Http.as(port, "auditor");
        Http.Response start = auditor.postJson("/engine-rest/process-definition/key/duty-admission/submit-form",
                Map.of("variables", startVariables("CGZF", "审计试图发起" + DutyAdmissionProcessTest.unique(), "S01")));
        assertThat(start.status()).isBetween(400, 499);
        JsonNode tasks = auditor.get("/engine-rest/task?processInstanceBusinessKey=" + pendingCase).json();
        assertThat(tasks.size()).isGreaterThan(0);
        String taskId = tasks.get(0).path("id").asText();
        Http.Response complete = auditor.postJson("/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", Map.of("streetOpinion", Map.of("value", "AGREE"))));
        assertThat(complete.status()).isBetween(400, 499);
        assertThat(Http.as(port, "s01-sec").get("/api/duty-admissions/" + pendingCase).json().path("targets").get(0)
                .path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void shouldOfferEachOfficialOnlyWhatTheyMayStartWith() {
        JsonNode admission = Http.as(port, "cgzf-off").get("/api/start-options/duty-admission").json();
        assertThat(admission.path("chosen").path("deptCode").asText()).isEqualTo("CGZF");
        assertThat(admission.path("options").path("orgOptions").size()).isEqualTo(4);

        JsonNode exit = Http.as(port, "s01-sec").get("/api/start-options/duty-exit").json();
        assertThat(exit.path("chosen").path("orgCode").asText()).isEqualTo("S01");
        List<String> duties = new ArrayList<>();
        exit.path("options").path("dutyOptions").forEach(o -> duties.add(o.path("value").asText()));
        // duties with a guiding department only: the street's own party-building duties cannot be handed back
        assertThat(duties).contains("CS-01", "GF-01").doesNotContain("DJ-01", "SH-02");
        exit.path("options").path("dutyOptions").forEach(o -> assertThat(o.path("label").asText()).matches(".*\\p{IsHan}.*"));

        assertThat(Http.as(port, "cgzf-off").get("/api/start-options/duty-exit").status()).isEqualTo(403);
        assertThat(Http.as(port, "s01-off").get("/api/start-options/duty-admission").status()).isEqualTo(403);
    }

    // ---- helpers ----

    private String start(String user, String name, String orgs) {
        Http.Response response = Http.as(port, user).postJson(
                "/engine-rest/process-definition/key/duty-admission/submit-form",
                Map.of("variables", startVariables(user.startsWith("cgzf") ? "CGZF" : "SCJG", name, orgs)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("businessKey").asText();
    }

    private static Map<String, Object> startVariables(String dept, String name, String orgs) {
        return Map.of(
                "deptCode", Map.of("value", dept),
                "dutyName", Map.of("value", name),
                "dutyDescription", Map.of("value", "每周巡查一次，发现问题及时报告"),
                "dutyCategory", Map.of("value", "URBAN_MANAGEMENT"),
                "legalBasis", Map.of("value", "区委区政府关于加强基层治理的实施意见"),
                "targetOrgCodes", Map.of("value", "[\"" + String.join("\",\"", orgs.split(",")) + "\"]", "type", "Json"),
                "staffCount", Map.of("value", 1),
                "fundsWan", Map.of("value", 8.5),
                "startDate", Map.of("value", "2027-03-01"),
                "reason", Map.of("value", "就近处置更及时"));
    }

    private static List<String> caseNos(JsonNode entries) {
        List<String> caseNos = new ArrayList<>();
        entries.forEach(e -> caseNos.add(e.path("caseNo").asText()));
        return caseNos;
    }
}
