package cn.streetgov.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Browser;
import cn.streetgov.test.Http;
import cn.streetgov.test.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An official opens a task in Tasklist and the Camunda Form renders: Chinese labels, the case shown
 * read-only above the decision field (here: 东华派出所 reporting to a whistle of 东华街道).
 */
@IntegrationTest
class TaskFormBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void theReportFormOfAWhistleShowsTheCaseAndTheDecisionField() {
        Http.Response started = Http.as(port, "s01-off").postJson(
                "/engine-rest/process-definition/key/whistle-dispatch/submit-form",
                Map.of("variables", Map.of("orgCode", Map.of("value", "S01"),
                        "summary", Map.of("value", "东华路夜市占道经营、油烟扰民"), "location", Map.of("value", "东华路 88 号"),
                        "urgency", Map.of("value", "URGENT"), "deptCodes", Map.of("value", "GA"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String businessKey = started.json().path("businessKey").asText();
        JsonNode tasks = Http.as(port, "s01-ga-head").get("/engine-rest/task?processInstanceBusinessKey=" + businessKey).json();
        assertThat(tasks).hasSize(1);
        String taskId = tasks.get(0).path("id").asText();

        WebDriver driver = Browser.chromium();
        try {
            Browser.login(driver, port, "tasklist", "s01-ga-head");
            driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains("报到说明"));
            String page = driver.findElement(By.tagName("body")).getText();
            assertThat(page).contains("吹哨案件", "案件编号", "事项概要", "部门报到");
            assertThat(driver.findElements(By.cssSelector("input")).stream().map(e -> e.getDomProperty("value")))
                    .contains(businessKey, "东华街道");
            assertThat(driver.findElements(By.cssSelector("textarea")).stream().map(e -> e.getDomProperty("value")))
                    .contains("东华路夜市占道经营、油烟扰民");
        } finally {
            driver.quit();
        }
    }
}
