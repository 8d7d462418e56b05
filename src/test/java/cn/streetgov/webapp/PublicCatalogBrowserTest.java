package cn.streetgov.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.delegation.process.DelegationTestData;
import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import cn.streetgov.test.Browser;
import cn.streetgov.test.IntegrationTest;
import cn.streetgov.test.Officials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public catalog page (赋权事项目录) in headless Chromium without a login: a power that 城管 devolved
 * to 东华街道 (approved by 区委编办 and the district government through the engine) is listed in
 * Chinese — name, category, method, department, legal basis, date — with no code on the page, and
 * the street is chosen by its name. Screenshots: target/assessed-public/.
 */
@IntegrationTest
class PublicCatalogBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "assessed-public");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    private WebDriver driver;

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.quit();
        }
        DelegationTestData.clearCatalog(jdbc);
    }

    @Test
    void theCatalogPageShowsAPublishedPowerInChineseWithoutALogin() {
        DelegationTestData.clearCatalog(jdbc);
        ProcessInstance delegation = DemoCases.delegationAtStaffingConfirmation(engine);
        complete(delegation, PowerDelegationProcess.CONFIRM_STAFFING, "bianban", Map.of(Vars.STAFFING_DECISION, "APPROVE"));
        complete(delegation, PowerDelegationProcess.DECIDE_DELEGATION, "govt", Map.of(Vars.FINAL_DECISION, "APPROVE"));

        driver = Browser.chromium();
        driver.get("http://localhost:" + port + "/app/catalog");
        String text = VisibleText.of(driver);
        String today = CaseClock.today().format(DateTimeFormatter.ofPattern("yyyy年M月d日"));
        assertThat(driver.getTitle()).startsWith("赋权事项目录");
        assertThat(text).contains("赋权事项目录", "东华街道", "临时占用城市道路审批", "行政许可", "下放",
                "城市管理和综合执法局", "《城市道路管理条例》第三十一条", today, "无需登录");
        assertThat(text).doesNotContain("CGZF", "S01", "DEVOLVE", "LICENSING");
        assertThat(VisibleText.problems(text)).as("English or codes on the page").isEmpty();
        screenshot("1-catalog");

        driver.findElement(By.linkText("东华街道")).click();
        assertThat(driver.getCurrentUrl()).contains("/app/catalog?org=");
        assertThat(driver.findElements(By.cssSelector("section.org h2"))).singleElement()
                .satisfies(h -> assertThat(h.getText()).startsWith("东华街道"));
        assertThat(driver.findElement(By.cssSelector("section.org")).getText()).contains("临时占用城市道路审批", "下放");
        assertThat(VisibleText.problems(VisibleText.of(driver))).isEmpty();
        screenshot("2-catalog-one-street");

        driver.findElement(By.linkText("西岭街道")).click();
        assertThat(VisibleText.of(driver)).contains("目前没有已生效的赋权事项");
    }

    private void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("%s of %s", taskKey, instance.getBusinessKey()).isNotNull();
        Officials.complete(engine, user, task, variables);
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, SCREENSHOTS.resolve("catalog-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
