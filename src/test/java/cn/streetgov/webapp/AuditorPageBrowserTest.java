package cn.streetgov.webapp;

import static cn.streetgov.webapp.WebappProbe.await;
import static cn.streetgov.webapp.WebappProbe.bodyText;
import static cn.streetgov.webapp.WebappProbe.click;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Browser;
import cn.streetgov.test.IntegrationTest;
import cn.streetgov.workspace.FinishedCases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The auditors' page (审计查询) in headless Chromium: the auditor logs in, finds a finished case by its
 * case number, opens its audit trail with the chain check (完整), downloads its CSV, sees its diagram
 * with the path taken marked, and opens its printable approval form (审批表). Every page reads in
 * Chinese only ({@link VisibleText}); the page offers no button that would change anything. Screenshots
 * under target/audit-page/.
 */
@IntegrationTest
class AuditorPageBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "audit-page");
    /** The only buttons of the page: searching, paging and switching tabs read, they change nothing. */
    private static final Set<String> READ_ONLY_BUTTONS = Set.of("查询", "清空条件", "上一页", "下一页", "审计记录", "流程图");

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
    void theAuditorFindsAFinishedCaseByItsNumberReadsItsTrailChainDiagramAndPrintsItsForm() {
        ProcessInstance instance = FinishedCases.whistle(engine, "积水倒灌商铺，多部门联合处置");
        String caseNo = instance.getBusinessKey();

        driver = Browser.chromium();
        Browser.login(driver, port, "cockpit", "auditor");
        driver.get("http://localhost:" + port + "/app/audit");
        await(driver).withMessage(() -> "the search did not load:\n" + bodyText(driver))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));

        // found by its case number
        driver.findElement(By.id("sg-f-caseNo")).sendKeys(caseNo);
        click(driver, By.id("sg-audit-go"));
        By rows = By.cssSelector("#sg-audit-results .sg-audit-row");
        await(driver).withMessage(() -> "the case was not found:\n" + bodyText(driver)).until(d -> {
            List<WebElement> found = d.findElements(rows);
            return found.size() == 1 && found.get(0).getText().contains(caseNo);
        });
        WebElement row = driver.findElement(rows);
        assertThat(row.getText()).contains("街道吹哨、部门报到", "积水倒灌商铺，多部门联合处置", "东华街道", "已办结");
        assertReadsInChinese("the search");
        assertOnlyReadOnlyButtons();
        screenshot("1-found-by-case-number");

        // its trail and the chain check
        row.click();
        await(driver).withMessage(() -> "the trail was not shown:\n" + bodyText(driver))
                .until(d -> "loaded".equals(d.findElement(By.tagName("body")).getDomAttribute("data-trail")));
        WebElement chain = driver.findElement(By.id("sg-chain"));
        assertThat(chain.getDomAttribute("class")).contains("sg-chain-intact");
        assertThat(chain.getText()).contains("审计链完整");
        String trail = driver.findElement(By.id("sg-trail")).getText();
        assertThat(trail).contains("发起", "办理", "结束", "部门报到", "东华派出所", "已派员到场处置");
        assertThat(driver.findElements(By.cssSelector("#sg-trail .sg-trail-entry")).size()).isGreaterThanOrEqualTo(6);
        assertReadsInChinese("the trail");
        assertOnlyReadOnlyButtons();
        screenshot("2-trail-and-chain-check");

        // the CSV link works (in the auditor's session), the form's link names the case
        String csv = driver.findElement(By.id("sg-csv")).getDomProperty("href");
        assertThat(csv).endsWith("/api/audit/" + instance.getId() + ".csv");
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(r => r.text().then(t => done(r.status + '|' + r.headers.get('content-type') + '|' + t)))
                  .catch(e => done('failed ' + e));""", csv);
        assertThat(String.valueOf(answer)).startsWith("200|text/csv").contains(caseNo, "序号,时间,事件");
        String print = driver.findElement(By.id("sg-print")).getDomProperty("href");
        assertThat(print).endsWith("/app/cases/" + instance.getId() + "/print");

        // the diagram with the path taken
        click(driver, By.id("sg-tab-diagram"));
        await(driver).withMessage(() -> "the diagram was not drawn:\n" + bodyText(driver))
                .until(d -> !d.findElements(By.cssSelector("#sg-diagram.sg-diagram-ready svg")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#sg-diagram .djs-shape.sg-done"))).as("completed steps marked")
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(driver.findElements(By.cssSelector("#sg-diagram .djs-connection.sg-done"))).as("flows taken marked")
                .isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#sg-diagram .djs-shape.sg-current"))).as("an ended case is at no step")
                .isEmpty();
        // the marks are drawn in colour (the shared stylesheet of the diagram is there)
        String stroke = String.valueOf(((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(document.querySelector('#sg-diagram .djs-shape.sg-done .djs-visual > :first-child')).stroke"));
        assertThat(stroke).isEqualTo("rgb(46, 125, 50)");
        assertReadsInChinese("the diagram");
        screenshot("3-diagram-with-path");

        // the printable approval form
        driver.get(print);
        await(driver).withMessage(() -> "the form was not shown:\n" + bodyText(driver))
                .until(d -> !d.findElements(By.cssSelector(".sg-print .sg-print-step")).isEmpty());
        String form = driver.findElement(By.cssSelector(".sg-print")).getText();
        assertThat(form).contains("示范区", "街道吹哨、部门报到审批表", caseNo, "积水倒灌商铺，多部门联合处置", "部门报到",
                "东华派出所", "签字：", "日期：", "办理结果：已办结");
        assertReadsInChinese("the printable form");
        screenshot("4-printable-form");
    }

    private void assertReadsInChinese(String where) {
        assertThat(VisibleText.problems(VisibleText.of(driver))).as("English or codes on %s", where).isEmpty();
    }

    private void assertOnlyReadOnlyButtons() {
        List<String> buttons = driver.findElements(By.cssSelector("button, input[type=submit], input[type=button]"))
                .stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
        assertThat(buttons).isNotEmpty().allMatch(READ_ONLY_BUTTONS::contains);
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
