package cn.streetgov.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.assessment.domain.AssessmentCampaign;
import cn.streetgov.assessment.domain.AssessmentCase;
import cn.streetgov.assessment.domain.AssessmentResult;
import cn.streetgov.assessment.process.AssessmentCaseProcess;
import cn.streetgov.assessment.process.AssessmentProcess;
import cn.streetgov.test.Browser;
import cn.streetgov.test.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A small campaign (2 streets/towns × 3 agencies) run to the end over /engine-rest by the demo
 * users, then its results: the JSON per
 * role and the results page with its charts, opened in headless Chromium by a logged-in user.
 * On -Pmariadb this is the MariaDB run of a whole campaign.
 */
class AssessmentResultsPageTest extends AssessmentTestSupport {

    @LocalServerPort
    int port;

    /**
     * Every person's step over /engine-rest as Tasklist does it (find the task, claim, submit the
     * form); only the end of the publicity period is the engine's timer, run by moving the clock.
     */
    private String runSmallCampaignToTheEnd() {
        String period = freshPeriod();
        Http.Response started = Http.as(port, "kaohe").postJson(
                "/engine-rest/process-definition/key/" + AssessmentProcess.KEY + "/submit-form",
                Map.of("variables", Map.of("period", Map.of("value", period), "orgCodes", Map.of("value", "S01,T01"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        ProcessInstance campaign = runtimeService.createProcessInstanceQuery()
                .processInstanceId(started.json().path("id").asText()).singleResult();
        runDueJobs(campaign);
        List<ProcessInstance> cases = runtimeService.createProcessInstanceQuery()
                .superProcessInstanceId(campaign.getId()).orderByBusinessKey().asc().list();
        assertThat(cases).extracting(ProcessInstance::getBusinessKey).containsExactly(
                "KH-" + period + "-S01-CGZF", "KH-" + period + "-S01-GA", "KH-" + period + "-S01-SCJG",
                "KH-" + period + "-T01-CGZF", "KH-" + period + "-T01-GA", "KH-" + period + "-T01-SCJG");
        // totals: all 100 → 100 EXCELLENT; 100 + 80s → 85 GOOD; 100 + 40s → 55 FAIL
        int[] others = {100, 80, 40};
        for (int i = 0; i < 6; i++) {
            String org = i < 3 ? "s01" : "t01";
            String caseNo = cases.get(i).getBusinessKey();
            String agency = caseNo.substring(("KH-" + period + "-").length()).toLowerCase();
            submit(agency + "-head", caseNo, Map.of("selfScore", longValue(90), "selfReport", Map.of("value", "按清单履职")));
            int score = others[i % 3];
            submit(org + "-off", caseNo, Map.of("scoreCommand", longValue(100), "scoreDuty", longValue(score),
                    "scoreStyle", longValue(score), "scoreCooperation", longValue(score),
                    "scoreSatisfaction", longValue(score), "vetoItem", Map.of("value", false)));
            submit(org + "-sec", caseNo, Map.of("committeeDecision", Map.of("value", "CONFIRM")));
        }
        endPublicity(cases.get(0));
        cases.forEach(this::runDueJobs);
        submit("s01-sec", cases.get(2).getBusinessKey(), Map.of("useSuggestion", Map.of("value", false)));
        submit("t01-sec", cases.get(5).getBusinessKey(), Map.of("useSuggestion", Map.of("value", false)));
        runDueJobs(campaign);
        assertThat(campaign).hasPassed(AssessmentProcess.Elements.AGGREGATE)
                .isWaitingAt(AssessmentProcess.Elements.TAKE_NOTE);
        submit("orgdept", campaign.getBusinessKey(), Map.of("noteComment", Map.of("value", "已阅")));
        assertThat(campaign).isEnded();
        AssessmentCampaign record = assessments.campaignOf(period).orElseThrow();
        assertThat(assessments.casesOf(record.getId())).extracting(AssessmentCase::getStatus)
                .allMatch(s -> s.name().equals("FINAL"));
        assertThat(assessments.resultsOf(record.getId(), AssessmentResult.ORG)).extracting(AssessmentResult::getCode)
                .containsExactly("S01", "T01");
        return period;
    }

    private static Map<String, Object> longValue(int value) {
        return Map.of("value", value, "type", "Long");
    }

    /** As Tasklist: the user's one task of the case, claimed, its form submitted. */
    private void submit(String user, String businessKey, Map<String, Object> variables) {
        Http http = Http.as(port, user);
        JsonNode tasks = http.get("/engine-rest/task?processInstanceBusinessKey=" + businessKey).json();
        assertThat(tasks).as("tasks of %s for %s", businessKey, user).hasSize(1);
        String id = tasks.get(0).path("id").asText();
        assertThat(http.postJson("/engine-rest/task/" + id + "/claim", Map.of("userId", user)).status()).isEqualTo(204);
        Http.Response response = http.postJson("/engine-rest/task/" + id + "/submit-form", Map.of("variables", variables));
        assertThat(response.status()).as("%s submits %s: %s", user, businessKey, response.body()).isEqualTo(204);
    }

    @Test
    void shouldShowTheResultsOfACampaignToEachRoleMaySeeThem() {
        String period = runSmallCampaignToTheEnd();
        JsonNode all = Http.as(port, "kaohe").get("/api/assessments?period=" + period).json();
        assertThat(all).hasSize(6);
        assertThat(all.findValuesAsText("grade")).containsExactlyInAnyOrder("EXCELLENT", "GOOD", "FAIL",
                "EXCELLENT", "GOOD", "FAIL");
        JsonNode own = Http.as(port, "s01-sec").get("/api/assessments?period=" + period).json();
        assertThat(own.findValuesAsText("orgCode")).containsOnly("S01").hasSize(3);
        assertThat(Http.as(port, "orgdept").get("/api/assessments/periods").json().toString()).contains(period);

        assertThat(Http.anonymous(port).get("/app/assessments").status()).isEqualTo(401);
        assertThat(Http.as(port, "s01-off").get("/app/assessments").status()).isEqualTo(403);
        assertThat(Http.as(port, "ga-off").get("/app/assessments").status()).isEqualTo(403);
        for (String user : List.of("kaohe", "orgdept", "auditor", "s01-sec")) {
            Http.Response page = Http.as(port, user).get("/app/assessments");
            assertThat(page.status()).as(user).isEqualTo(200);
            assertThat(page.body()).contains("派驻机构考核结果", "/_static/echarts/5.6.0/dist/echarts.min.js");
        }
        assertThat(Http.anonymous(port).get("/_static/echarts/5.6.0/dist/echarts.min.js").status()).isEqualTo(200);
    }

    @Test
    void shouldDrawTheRankingAndTheChartsInABrowser() {
        String period = runSmallCampaignToTheEnd();
        WebDriver driver = Browser.chromium();
        try {
            Browser.login(driver, port, "tasklist", "kaohe");
            driver.get("http://localhost:" + port + "/app/assessments?period=" + period);
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
            for (String id : List.of("chart-grades", "chart-departments", "chart-ontime")) {
                wait.until(d -> "true".equals(d.findElement(By.id(id)).getDomAttribute("data-rendered")));
                WebElement canvas = driver.findElement(By.cssSelector("#" + id + " canvas"));
                assertThat(canvas.getSize().getWidth()).as(id).isGreaterThan(100);
                assertThat(canvas.getSize().getHeight()).as(id).isGreaterThan(100);
            }
            List<WebElement> rows = driver.findElements(By.cssSelector("#ranking tbody tr"));
            assertThat(rows).hasSize(6);
            assertThat(rows.get(0).getText()).contains("优秀", "100");
            assertThat(rows.get(5).getText()).contains("不合格");
            assertThat(driver.findElement(By.id("message")).getText()).isEmpty();
        } finally {
            driver.quit();
        }
    }
}
