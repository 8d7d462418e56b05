package cn.streetgov.webapp;

import static cn.streetgov.webapp.WebappProbe.await;
import static cn.streetgov.webapp.WebappProbe.bodyText;
import static cn.streetgov.webapp.WebappProbe.click;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.test.Browser;
import cn.streetgov.test.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The officials' workspace in Tasklist, in a real (headless) browser: 东华街道's office, having
 * accepted a power delegation, finds the case in 已办 by its number with the step it is at, reads its
 * 审批记录 and 流程图 (the path taken marked), takes its review back with 撤回, and finds the case's
 * new task in 消息 with the unread count in the header; the task's own 审批记录 and 流程图 tabs show
 * the same. Screenshots under target/screenshots/workspace-*.png.
 */
@IntegrationTest
class WorkspaceBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    private WebDriver driver;

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void theStreetFindsItsReviewInDoneReadsTheRecordAndDiagramAndWithdrawsIt() {
        ProcessInstance instance = DemoCases.delegationAtStaffingConfirmation(engine);
        String caseNo = DemoCases.caseNo(engine, instance);

        driver = Browser.chromium();
        Browser.login(driver, port, "tasklist", "s01-off");

        // 已办: found by its case number, at 区委编办's step
        click(driver, By.id("sg-workspace"));
        await(driver).until(d -> !d.findElements(By.cssSelector(".sg-workspace")).isEmpty());
        WebElement search = await(driver).until(d -> d.findElement(By.cssSelector(".sg-workspace-search")));
        search.sendKeys(caseNo);
        click(driver, By.cssSelector(".sg-workspace-go"));
        By row = By.cssSelector(".sg-workspace .sg-case-row");
        await(driver).withMessage(() -> "the case is not in 已办:\n" + bodyText(driver)).until(d -> {
            List<WebElement> rows = d.findElements(row);
            return rows.size() == 1 && rows.get(0).findElement(By.cssSelector(".sg-case-no")).getText().equals(caseNo);
        });
        String state = driver.findElement(By.cssSelector(".sg-workspace .sg-case-state")).getText();
        assertThat(state).contains("办理中", "确认编随事转");
        assertThat(driver.findElement(row).getText()).contains("评估承接能力");
        screenshot("1-done-list");

        // the record and the diagram, read-only
        click(driver, By.cssSelector(".sg-workspace .sg-case-open"));
        awaitRecordStep(".sg-case-modal", "评估承接能力");
        String record = driver.findElement(By.cssSelector(".sg-case-modal .sg-record")).getText();
        assertThat(record).contains(caseNo, "同意承接");
        screenshot("2-record");
        click(driver, By.cssSelector(".sg-case-modal .sg-case-tab-diagram"));
        awaitDiagram(".sg-case-modal");
        screenshot("3-diagram");
        click(driver, By.cssSelector(".sg-case-modal .sg-case-close"));
        await(driver).until(d -> d.findElements(By.cssSelector(".sg-case-modal")).isEmpty());

        // 撤回: the review comes back to the street official
        click(driver, By.cssSelector(".sg-workspace .sg-withdraw"));
        driver.findElement(By.cssSelector(".sg-withdraw-reason")).sendKeys("承接条件需与城管执法中队再核实");
        click(driver, By.cssSelector(".sg-withdraw-confirm"));
        await(driver).withMessage(() -> "no confirmation of the withdrawal:\n" + bodyText(driver))
                .until(d -> !d.findElements(By.cssSelector(".sg-workspace-done")).isEmpty());
        screenshot("4-withdrawn");
        Task review = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(PowerDelegationProcess.REVIEW_CAPACITY).singleResult();
        assertThat(review).as("the capacity review is open again").isNotNull();
        assertThat(review.getAssignee()).isEqualTo("s01-off");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(PowerDelegationProcess.CONFIRM_STAFFING).count()).isZero();
        click(driver, By.cssSelector(".sg-workspace-close"));
        await(driver).until(d -> d.findElements(By.cssSelector(".sg-workspace-modal")).isEmpty());

        // 消息: the unread count in the header, the case's new task in the list, marked read
        driver.navigate().refresh();
        By count = By.id("sg-inbox-count");
        WebElement badge = await(driver).withMessage(() -> "no unread count in the header:\n" + bodyText(driver))
                .until(d -> d.findElements(count).stream().findFirst().orElse(null));
        int before = Integer.parseInt(badge.getText().trim());
        assertThat(before).isPositive();
        click(driver, By.id("sg-inbox"));
        By item = By.xpath("//tr[contains(@class,'sg-inbox-item') and contains(@class,'sg-unread')]"
                + "[.//*[contains(@class,'sg-case-no')][normalize-space()='" + caseNo + "']]");
        WebElement message = await(driver).withMessage(() -> "the case is not in 消息:\n" + bodyText(driver))
                .until(d -> d.findElements(item).stream().filter(WebElement::isDisplayed)
                        .filter(e -> e.getText().contains("新的待办")).findFirst().orElse(null));
        screenshot("5-inbox");
        message.findElement(By.cssSelector(".sg-inbox-mark-read")).click();
        await(driver).until(d -> d.findElements(item).isEmpty());
        click(driver, By.cssSelector(".sg-inbox-close"));
        await(driver).until(d -> d.findElements(By.cssSelector(".sg-inbox-modal")).isEmpty());
        await(driver).until(d -> d.findElements(count).isEmpty()
                || Integer.parseInt(d.findElement(count).getText().trim()) < before);

        // the open task's own tabs: 审批记录 with the withdrawal, 流程图 with the path
        driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + review.getId()
                + "&detailsTab=streetgov-case-record");
        awaitRecordStep(".sg-task-tab", "评估承接能力");
        await(driver).until(d -> d.findElement(By.cssSelector(".sg-task-tab .sg-record")).getText().contains("撤回"));
        screenshot("6-task-record");
        driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + review.getId()
                + "&detailsTab=streetgov-case-diagram");
        awaitDiagram(".sg-task-tab");
        screenshot("7-task-diagram");
        // Tasklist's own diagram tab (the current step only) gave way to ours
        assertThat(driver.findElements(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='流程图']")))
                .hasSize(1);
    }

    private void awaitRecordStep(String scope, String stepName) {
        await(driver).withMessage(() -> "「" + stepName + "」 not in the record:\n" + bodyText(driver))
                .until(d -> d.findElements(By.cssSelector(scope + " .sg-record-step")).stream()
                        .anyMatch(r -> r.getText().contains(stepName)));
    }

    private void awaitDiagram(String scope) {
        await(driver).withMessage(() -> "the diagram was not drawn:\n" + bodyText(driver))
                .until(d -> !d.findElements(By.cssSelector(scope + " .sg-diagram.sg-diagram-ready svg")).isEmpty());
        assertThat(driver.findElements(By.cssSelector(scope + " .sg-diagram .djs-shape.sg-done")))
                .as("completed steps marked").isNotEmpty();
        assertThat(driver.findElements(By.cssSelector(scope + " .sg-diagram .djs-shape.sg-current")))
                .as("the open step marked").isNotEmpty();
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, SCREENSHOTS.resolve("workspace-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
