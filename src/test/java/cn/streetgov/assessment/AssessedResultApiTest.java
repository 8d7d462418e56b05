package cn.streetgov.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.assessment.domain.AssessmentCampaign;
import cn.streetgov.assessment.domain.AssessmentCase;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Elements;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.Notifications;
import cn.streetgov.test.Http;
import cn.streetgov.test.Http.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the assessed agency sees of its own assessment ({@code GET /api/assessments/mine}, the page
 * {@code /app/assessments/mine}) and the rules of its objection ({@code POST /api/assessments/{caseNo}/objection}):
 * only the agency itself, only during 公示 (its end date counts, not the timer), once per 公示; the
 * refusals of /app pages are Chinese HTML pages for browsers.
 */
class AssessedResultApiTest extends AssessmentTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    Notifications notifications;

    /** 东华派出所's case of a fresh campaign, confirmed by the committee with an adjustment: in publicity. */
    private ProcessInstance policeInPublicity(AssessmentCampaign campaign) {
        ProcessInstance police = startCase(campaign, "S01-GA");
        selfEvaluate(police, "s01-ga-head", 90);
        scoreAll(police, "s01-off", 80);
        complete("s01-sec", task(police, Elements.COMMITTEE), Map.of(Vars.COMMITTEE_DECISION, "ADJUST",
                Vars.ADJUSTED_SCORE, 82.5, Vars.ADJUST_REASON, "夜市整治专项行动表现突出，酌情加分"));
        assertThat(record(police).getStatus().name()).isEqualTo("PUBLICITY");
        return police;
    }

    private Response object(String user, String caseNo, String reason) {
        return Http.as(port, user).postJson("/api/assessments/" + caseNo + "/objection", Map.of("reason", reason));
    }

    @Test
    void shouldShowTheAgencyItsOwnResultsAndNoOtherAgencys() {
        AssessmentCampaign campaign = campaign();
        ProcessInstance police = policeInPublicity(campaign);
        ProcessInstance cgzf = startCase(campaign, "S01-CGZF");

        Response mine = Http.as(port, "s01-ga-head").get("/api/assessments/mine");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json().findValuesAsText("agencyCode")).containsOnly("S01-GA");
        assertThat(mine.json().findValuesAsText("caseNo")).contains(police.getBusinessKey())
                .doesNotContain(cgzf.getBusinessKey());
        JsonNode row = row(mine.json(), police.getBusinessKey());
        assertThat(row.path("agencyName").asText()).isEqualTo("东华派出所");
        assertThat(row.path("orgName").asText()).isEqualTo("东华街道");
        assertThat(row.path("periodLabel").asText()).matches("\\d{4}年(度|上半年|下半年|第[一二三四]季度)");
        assertThat(row.path("status").asText()).isEqualTo("PUBLICITY");
        assertThat(row.path("statusLabel").asText()).isEqualTo("公示中");
        assertThat(row.path("totalScore").decimalValue()).isEqualByComparingTo("82.5");
        assertThat(row.path("grade").asText()).isEqualTo("GOOD");
        assertThat(row.path("gradeLabel").asText()).isEqualTo("良好");
        assertThat(row.path("adjustReason").asText()).isEqualTo("夜市整治专项行动表现突出，酌情加分");
        assertThat(row.path("committeeDecisionLabel").asText()).isEqualTo("调整");
        assertThat(row.path("scores").findValuesAsText("label"))
                .containsExactly("指挥调度", "履职清单", "工作作风", "协作配合", "群众满意度");
        assertThat(row.path("scores").findValuesAsText("score")).contains("80");
        assertThat(row.path("selfScore").asInt()).isEqualTo(90);
        assertThat(row.path("objective").path("summoned").isNumber()).isTrue();
        assertThat(row.path("publicityUntil").asText()).endsWith("+08:00");
        assertThat(row.path("publicityUntilText").asText()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
        assertThat(row.path("mayObject").asBoolean()).isTrue();
        assertThat(row.path("objections")).isEmpty();
        // the agency was told, in its members' inbox, where to read the result and object
        assertThat(notifications.ofCase(police.getBusinessKey())).filteredOn(n -> n.getKind() == NoticeKind.INFO)
                .singleElement().satisfies(n -> {
                    assertThat(n.getRecipientGroup()).isEqualTo("agency-S01-GA");
                    assertThat(n.getMessage()).contains("考核结果公示", "总分 82.5 分", "等次 良好", "公示至",
                            row.path("publicityUntilText").asText(), "本机构考核结果");
                });

        // a case still being scored shows no scores yet, not even to its own agency
        JsonNode scoring = row(Http.as(port, "s01-cgzf-head").get("/api/assessments/mine").json(), cgzf.getBusinessKey());
        assertThat(scoring.path("statusLabel").asText()).isEqualTo("评分中");
        assertThat(scoring.path("scores")).isEmpty();
        assertThat(scoring.path("totalScore").isNull()).isTrue();
        assertThat(scoring.path("mayObject").asBoolean()).isFalse();
        assertThat(Http.as(port, "s01-cgzf-head").get("/api/assessments/mine").json().findValuesAsText("caseNo"))
                .doesNotContain(police.getBusinessKey());

        // the results list: an agency's own row only
        Response list = Http.as(port, "s01-ga-head").get("/api/assessments?period=" + campaign.getPeriod());
        assertThat(list.json().findValuesAsText("agencyCode")).containsExactly("S01-GA");
        assertThat(list.json().get(0).path("statusLabel").asText()).isEqualTo("公示中");
        assertThat(list.json().get(0).path("gradeLabel").asText()).isEqualTo("良好");

        // "mine" is the agencies' own view: others have none, anonymous must log in
        assertThat(Http.as(port, "s01-sec").get("/api/assessments/mine").status()).isEqualTo(403);
        assertThat(Http.as(port, "kaohe").get("/api/assessments/mine").status()).isEqualTo(403);
        assertThat(Http.anonymous(port).get("/api/assessments/mine").status()).isEqualTo(401);
    }

    @Test
    void shouldAcceptAnObjectionOnlyFromTheAssessedAgency() {
        ProcessInstance police = policeInPublicity(campaign());
        String caseNo = police.getBusinessKey();
        for (String other : List.of("admin", "auditor", "kaohe", "s01-sec", "s01-off", "ga-off", "s01-cgzf-head",
                "s02-ga-head")) {
            Response refused = object(other, caseNo, "代为提出异议");
            assertThat(refused.status()).as("%s: %s", other, refused.body()).isEqualTo(403);
            assertThat(refused.json().path("message").asText()).as(other).contains("仅被考核的派驻机构");
        }
        assertThat(record(police).getObjectionCount()).isZero();
        assertThat(record(police).getStatus().name()).isEqualTo("PUBLICITY");
        assertThat(object("s01-ga-head", "KH-2999-S09-XX", "理由").status()).isEqualTo(404);
    }

    @Test
    void shouldRefuseAnObjectionOnceThePublicityHasEndedEvenBeforeItsTimerRan() {
        ProcessInstance police = policeInPublicity(campaign());
        AssessmentCase before = record(police);
        // the timer is a job that runs a little later: the end date is what counts
        ClockUtil.setCurrentTime(Date.from(before.getPublicityUntil().plusMinutes(1).atZone(CaseClock.zone()).toInstant()));
        Response late = object("s01-ga-head", police.getBusinessKey(), "评分依据不足");
        assertThat(late.status()).as(late.body()).isEqualTo(400);
        assertThat(late.json().path("message").asText()).contains("公示期已于", "结束");
        assertThat(record(police).getObjectionCount()).isZero();
        JsonNode row = row(Http.as(port, "s01-ga-head").get("/api/assessments/mine").json(), police.getBusinessKey());
        assertThat(row.path("mayObject").asBoolean()).isFalse();
    }

    @Test
    void shouldRecordOneObjectionPerPublicityAndRefuseTheSecondInChinese() {
        ProcessInstance police = policeInPublicity(campaign());
        String caseNo = police.getBusinessKey();
        Response blank = object("s01-ga-head", caseNo, "  ");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().path("message").asText()).contains("请填写异议理由");
        Response tooLong = object("s01-ga-head", caseNo, "长".repeat(2001));
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.json().path("message").asText()).contains("不能超过");

        Response first = object("s01-ga-head", caseNo, "工作作风扣分依据不足");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("status").asText()).isEqualTo("OBJECTION");
        assertThat(first.json().path("statusLabel").asText()).isEqualTo("异议复核中");

        Response second = object("s01-ga-head", caseNo, "再次异议");
        assertThat(second.status()).as(second.body()).isEqualTo(400);
        String message = second.json().path("message").asText();
        assertThat(message).contains("已提出异议", "异议复核中").doesNotContain("OBJECTION", "PUBLICITY");
        assertThat(record(police).getObjectionCount()).isEqualTo(1);

        JsonNode row = row(Http.as(port, "s01-ga-head").get("/api/assessments/mine").json(), caseNo);
        assertThat(row.path("statusLabel").asText()).isEqualTo("异议复核中");
        assertThat(row.path("mayObject").asBoolean()).isFalse();
        assertThat(row.path("objections")).hasSize(1);
        assertThat(row.path("objections").get(0).path("reason").asText()).isEqualTo("工作作风扣分依据不足");
        assertThat(row.path("objections").get(0).path("raisedByName").asText()).isNotBlank();
        assertThat(row.path("objections").get(0).path("raisedAt").asText()).endsWith("+08:00");
    }

    @Test
    void shouldOpenTheAgencysPageAndSendItThereFromTheResultsPage() {
        Response page = Http.as(port, "s01-ga-head").get("/app/assessments/mine");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("本机构考核结果", "/_static/streetgov/assessment-mine.js");
        Response redirected = Http.as(port, "s01-ga-head").get("/app/assessments");
        assertThat(redirected.status()).isEqualTo(302);
        assertThat(redirected.header("Location")).endsWith("/app/assessments/mine");
        // members of the results page's audience stay there
        assertThat(Http.as(port, "kaohe").get("/app/assessments").status()).isEqualTo(200);
        assertThat(Http.as(port, "s01-sec").get("/app/assessments/mine").status()).isEqualTo(403);
    }

    @Test
    void shouldAnswerABrowserThatMayNotOpenAPageWithAChineseHtmlPage() {
        HttpResponse<String> forbidden = browserGet("/app/assessments", "s01-off");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(forbidden.body()).contains("<html lang=\"zh-CN\"", "无权访问", "考核结果页面仅供")
                .doesNotContain("{\"", "\"message\"");
        HttpResponse<String> mineForbidden = browserGet("/app/assessments/mine", "s01-sec");
        assertThat(mineForbidden.statusCode()).isEqualTo(403);
        assertThat(mineForbidden.body()).contains("无权访问", "派驻机构");

        HttpResponse<String> anonymous = browserGet("/app/assessments", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(anonymous.body()).contains("请先登录", "/camunda/app/tasklist/");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as("no browser password dialog").isEmpty();

        HttpResponse<String> missing = browserGet("/app/no-such-page", "s01-off");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("页面不存在");

        // the APIs keep answering JSON, whatever the client accepts
        HttpResponse<String> api = browserGet("/api/assessments/mine", "s01-off");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        HttpResponse<String> apiAnonymous = browserGet("/api/assessments/periods", null);
        assertThat(apiAnonymous.statusCode()).isEqualTo(401);
        assertThat(apiAnonymous.headers().firstValue("WWW-Authenticate")).isPresent();
        // and a client asking /app for JSON gets JSON
        Response json = Http.as(port, "s01-off").get("/app/assessments");
        assertThat(json.status()).isEqualTo(403);
        assertThat(json.json().path("message").asText()).contains("考核结果页面仅供");
    }

    /** A GET as a browser sends it (Accept: text/html first), with HTTP Basic unless {@code user} is null. */
    private HttpResponse<String> browserGet(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (user != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HttpClient.newHttpClient().send(request.GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode row(JsonNode rows, String caseNo) {
        List<String> seen = new ArrayList<>();
        for (JsonNode row : rows) {
            if (row.path("caseNo").asText().equals(caseNo)) {
                return row;
            }
            seen.add(row.path("caseNo").asText());
        }
        throw new AssertionError("no row for " + caseNo + " in " + seen);
    }
}
