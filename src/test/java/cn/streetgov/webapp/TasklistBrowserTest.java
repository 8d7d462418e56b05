package cn.streetgov.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Browser;
import cn.streetgov.test.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person logs in to Tasklist in a real (headless) browser and sees it in Chinese with the filters. */
@IntegrationTest
class TasklistBrowserTest {

    @LocalServerPort
    int port;

    private WebDriver driver;

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aStreetSecretaryLogsInAndSeesTheChineseTasklistWithHisFilters() {
        driver = Browser.chromium();
        Browser.login(driver, port, "tasklist", "s01-sec");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains("本单位待办"));
        String page = driver.findElement(By.tagName("body")).getText();
        assertThat(page).contains("本单位待办", "我的待办");
        // the webapp's own labels come from our zh-CN translation, not the English original
        assertThat(page).doesNotContain("Create task", "Start process");
        assertThat(driver.getTitle()).contains("任务列表");
    }
}
