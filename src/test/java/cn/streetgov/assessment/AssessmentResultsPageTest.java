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
 * A small campaign (2 streets/towns × 3 agencies) run to the end, then its results: the JSON per
 * role and the results page with its charts, opened in headless Chromium by a logged-in user.
 * On -Pmariadb this is the MariaDB run of a whole campaign.
 */
class AssessmentResultsPageTest extends AssessmentTestSupport {

    @LocalServerPort
    int port;

    private String runSmallCampaignToTheEnd() {
        String period = freshPeriod();
        ProcessInstance campaign = as("kaohe", () -> runtimeService.startProcessInstanceByKey(AssessmentProcess.KEY,
                Map.of(AssessmentProcess.Vars.PERIOD, period, AssessmentProcess.Vars.ORG_CODES, "S01,T01")));
        List<ProcessInstance> cases = runtimeService.createProcessInstanceQuery()
                .superProcessInstanceId(campaign.getId()).orderByBusinessKey().asc().list();
        assertThat(cases).extracting(ProcessInstance::getBusinessKey).containsExactly(
                "KH-" + period + "-S01-CGZF", "KH-" + period + "-S01-GA", "KH-" + period + "-S01-SCJG",
                "KH-" + period + "-T01-CGZF", "KH-" + period + "-T01-GA", "KH-" + period + "-T01-SCJG");
        int[] scores = {95, 85, 50};
        for (int i = 0; i < 6; i++) {
            String org = i < 3 ? "s01" : "t01";
            String agency = cases.get(i).getBusinessKey().substring(("KH-" + period + "-").length());
            scoreAndConfirm(cases.get(i), org, agency.toLowerCase() + "-head", scores[i % 3]);
        }
        endPublicity(cases.get(0));
        cases.forEach(this::runDueJobs);
        for (int failed : new int[] {2, 5}) {
            complete(failed == 2 ? "s01-sec" : "t01-sec",
                    task(cases.get(failed), AssessmentCaseProcess.Elements.DECIDE_SUGGESTION),
                    Map.of(AssessmentCaseProcess.Vars.USE_SUGGESTION, false));
        }
        assertThat(campaign).hasPassed(AssessmentProcess.Elements.AGGREGATE)
                .isWaitingAt(AssessmentProcess.Elements.TAKE_NOTE);
        complete("orgdept", task(campaign, AssessmentProcess.Elements.TAKE_NOTE),
                Map.of(AssessmentProcess.Vars.NOTE_COMMENT, "已阅"));
        assertThat(campaign).isEnded();
        AssessmentCampaign record = assessments.campaignOf(period).orElseThrow();
        assertThat(assessments.casesOf(record.getId())).extracting(AssessmentCase::getStatus)
                .allMatch(s -> s.name().equals("FINAL"));
        assertThat(assessments.resultsOf(record.getId(), AssessmentResult.ORG)).extracting(AssessmentResult::getCode)
                .containsExactly("S01", "T01");
        return period;
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
            assertThat(rows.get(0).getText()).contains("优秀", "95");
            assertThat(rows.get(5).getText()).contains("不合格");
            assertThat(driver.findElement(By.id("message")).getText()).isEmpty();
        } finally {
            driver.quit();
        }
    }
}
