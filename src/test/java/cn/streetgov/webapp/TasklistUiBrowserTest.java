package cn.streetgov.webapp;

import static cn.streetgov.webapp.WebappProbe.awaitText;
import static cn.streetgov.webapp.WebappProbe.bodyText;
import static cn.streetgov.webapp.WebappProbe.click;
import static cn.streetgov.webapp.WebappProbe.literal;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.org.domain.Person;
import cn.streetgov.org.domain.PersonRepository;
import cn.streetgov.test.Browser;
import cn.streetgov.test.Http;
import cn.streetgov.test.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an official reads in Tasklist, in headless Chromium set to a zone far from Beijing (New York):
 * the start form in Chinese — placeholders, validation messages, the date picker with weeks from
 * Monday —, no "migrate to Camunda 8" banner, the user's name family name first, the case number and
 * where the case went after a start, task names carrying the case, times in Beijing time, and a
 * business rule's refusal as its Chinese reason alone. Screenshots under target/screenshots/.
 */
@IntegrationTest
class TasklistUiBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** form-js's and flatpickr's English, and Camunda's banner: none of it may be visible. */
    private static final List<String> ENGLISH = List.of("Select", "Search", "Field is required", "Field must",
            "No results", "Camunda 8", "January", "December", "Sun", "Mon", "ENGINE-", "Exception");

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    PersonRepository persons;

    private WebappProbe probe;
    private WebDriver driver;

    @BeforeEach
    void openBrowserFarFromBeijing() {
        probe = new WebappProbe();
        driver = Browser.chromium();
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride",
                Map.of("timezoneId", "America/New_York"));
    }

    @AfterEach
    void closeBrowser() {
        probe.close();
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aDepartmentsStartFormIsChineseThroughoutAndTheStarterIsToldTheCaseNumber() {
        Browser.login(driver, port, "tasklist", "ga-off");
        awaitText(driver, "本单位待办");
        assertThat(driver.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed))
                .as("Camunda's banner").isEmpty();
        Person official = persons.findById("ga-off").orElseThrow();
        awaitText(driver, official.getFamilyName() + " " + official.getGivenName());
        awaitText(driver, "北京时间");

        openStartForm("赋权下放审批", "赋权事项");
        screenshot("start-form");
        // the department is the official's own, pre-chosen; the other lists wait for a choice
        await().until(d -> WebappProbe.selectedOption(d, "提出部门").equals("公安分局"));
        await().until(d -> d.findElements(By.cssSelector(".fjs-form-field-select:not(.fjs-readonly) .fjs-select-display"))
                .stream().allMatch(e -> e.getText().equals("请选择")));
        assertThat(placeholders()).doesNotContain("Search", "Select").contains("搜索", "年-月-日");
        assertNoEnglish("the empty start form");

        // 启动 with nothing filled in: form-js's messages, in Chinese
        click(driver, By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='启动']"));
        await().until(d -> !d.findElements(By.cssSelector(".fjs-form-field-error li")).isEmpty());
        assertThat(driver.findElements(By.cssSelector(".fjs-form-field-error li")).stream().map(WebElement::getText)
                .distinct()).containsExactly("此项为必填项");
        screenshot("start-form-validation");
        assertNoEnglish("the validated start form");

        // the date picker: Chinese months and weekdays, weeks from Monday
        click(driver, By.cssSelector("input[id$='Field_effectiveDate-date']"));
        await().until(d -> !d.findElements(By.cssSelector(".flatpickr-calendar.open")).isEmpty());
        List<String> weekdays = driver.findElements(By.cssSelector(".flatpickr-calendar.open .flatpickr-weekday"))
                .stream().map(e -> e.getText().trim()).toList();
        assertThat(weekdays).containsExactly("一", "二", "三", "四", "五", "六", "日");
        String month = driver.findElement(By.cssSelector(".flatpickr-calendar.open .flatpickr-monthDropdown-months"))
                .getText();
        assertThat(month).containsPattern("[一二三四五六七八九十]+月");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                driver.findElement(By.cssSelector(".flatpickr-calendar.open")));
        screenshot("date-picker");
        assertNoEnglish("the open date picker");
        // leave the field (a click on the form's heading; Escape would close the dialog)
        click(driver, By.cssSelector(".modal-content .fjs-form-field-text"));
        await().until(d -> d.findElements(By.cssSelector(".flatpickr-calendar.open")).isEmpty());

        String legalBasis = "《居住证暂行条例》第十一条（" + "第 " + (System.nanoTime() % 1000000) + " 号" + "）";
        WebappProbe.addTag(driver, "powerItemCodes", "GA-GF-001");
        WebappProbe.check(driver, "targetOrgCodes", "东华街道");
        WebappProbe.selectOption(driver, "赋权方式", "委托");
        WebappProbe.type(driver, "legalBasis", legalBasis);
        WebappProbe.type(driver, "reason", "居民在街道便民服务中心就近申领居住证");
        WebappProbe.type(driver, "staffingTransfer", "0");
        pickDateInAMonth();
        click(driver, By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='启动']"));
        await().withMessage(() -> "the start dialog stayed open: " + WebappProbe.visibleErrors(driver))
                .until(d -> d.findElements(By.cssSelector(".modal-content")).isEmpty());

        ProcessInstance started = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(PowerDelegationProcess.KEY)
                .variableValueEquals(PowerDelegationProcess.Vars.LEGAL_BASIS, legalBasis).singleResult();
        assertThat(started).isNotNull();
        // the case number, as the notification tells it
        awaitText(driver, "案件已受理");
        awaitText(driver, "案件编号 " + started.getBusinessKey());
        screenshot("started");
        assertThat(probe.refusedCalls()).as("calls the engine API guard refused").isEmpty();
    }

    @Test
    void aTaskCarriesItsCaseShowsBeijingTimeAndARefusalIsTheChineseReasonAlone() {
        Http.Response blown = Http.as(port, "s01-off").postJson(
                "/engine-rest/process-definition/key/whistle-dispatch/submit-form",
                Map.of("variables", Map.of("orgCode", Map.of("value", "S01"),
                        "summary", Map.of("value", "东华路夜市占道经营（" + "第 " + (System.nanoTime() % 100000) + " 号" + "）"),
                        "urgency", Map.of("value", "URGENT"), "deptCodes", Map.of("value", "GA"))));
        assertThat(blown.status()).as(blown.body()).isEqualTo(200);
        String caseNo = blown.json().path("businessKey").asText();
        Task report = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        // due 09:30 UTC = 17:30 in Beijing = 04:30 in New York
        report.setDueDate(Date.from(Instant.parse("2030-06-03T09:30:00Z")));
        taskService.saveTask(report);

        Browser.login(driver, port, "tasklist", "s01-ga-head");
        click(driver, By.xpath("//a[contains(normalize-space(),'本单位待办')]"));
        By card = By.cssSelector("a[href='#/?task=" + report.getId() + "']");
        await().until(d -> !d.findElements(card).isEmpty());
        assertThat(driver.findElement(card).getText()).contains("【" + caseNo + "】东华派出所报到");
        // the card's variables: the case's subject and urgency, in Chinese
        By cardItem = By.xpath("//a[@href='#/?task=" + report.getId() + "']/ancestor::li[1]");
        await().until(d -> d.findElement(cardItem).getText().contains("紧急 · 东华路夜市占道经营"));
        assertThat(driver.findElement(cardItem).getText()).contains("案件").doesNotContain("URGENT");
        click(driver, card);
        awaitText(driver, "报到说明");
        screenshot("task");
        // Tasklist's due date, in Beijing time whatever the browser's zone
        await().withMessage(() -> "no due time in Beijing time:\n" + dueTexts())
                .until(d -> dueTexts().stream().anyMatch(t -> t.contains("17:30") || t.contains("5点30")));
        assertThat(dueTexts()).noneMatch(t -> t.contains("上午4点30") || t.contains(" 04:30"));
        // Tasklist's own calendar (a click on the due date): Chinese month, weeks from Monday
        click(driver, By.cssSelector("[cam-tasklist-task-meta] [cam-widget-inline-field].due-date .view-value"));
        By dayHeaders = By.cssSelector(".cam-widget-inline-field.datepicker .uib-daypicker thead tr:last-child th");
        await().until(d -> d.findElements(dayHeaders).stream().anyMatch(WebElement::isDisplayed));
        assertThat(driver.findElements(dayHeaders).stream().map(e -> e.getText().trim())
                .filter(t -> !t.isEmpty())).containsExactly("一", "二", "三", "四", "五", "六", "日");
        assertThat(driver.findElement(By.cssSelector(".cam-widget-inline-field.datepicker .uib-title")).getText())
                .isEqualTo("2030年6月");
        screenshot("due-date-calendar");
        assertNoEnglish("Tasklist's calendar");
        // the calendar's date and time are Beijing time
        assertThat(driver.findElements(By.cssSelector(".cam-widget-inline-field .uib-timepicker input, "
                + ".cam-widget-inline-field [uib-timepicker] input")).stream().map(e -> e.getDomProperty("value")))
                .startsWith("17", "30");
        assertThat(driver.findElements(By.cssSelector("[cam-widget-inline-field].due-date .preview"))
                .stream().filter(WebElement::isDisplayed)).as("the edited time in the browser's zone").isEmpty();
        click(driver, By.cssSelector(".cam-widget-inline-field.btn-group > button[ng-click^='cancelChange']"));
        await().until(d -> d.findElements(dayHeaders).stream().noneMatch(WebElement::isDisplayed));

        click(driver, By.cssSelector("button.claim"));
        await().until(d -> "s01-ga-head".equals(taskService.createTaskQuery().taskId(report.getId()).singleResult()
                .getAssignee()));
        await().until(d -> !d.findElements(By.cssSelector("button.unclaim")).isEmpty());
        // blanks pass the form but not the rule: the server's Chinese reason, alone
        WebappProbe.type(driver, "reportNote", "   ");
        click(driver, By.xpath("//div[contains(@class,'form-actions')]//button[normalize-space()='完成']"));
        await().withMessage(() -> "no refusal shown:\n" + bodyText(driver))
                .until(d -> WebappProbe.visibleErrors(d).stream().anyMatch(e -> e.contains("请填写报到说明")));
        screenshot("refusal");
        assertThat(WebappProbe.visibleErrors(driver)).allSatisfy(error -> assertThat(error)
                .doesNotContain("ENGINE-", "Cannot", "TaskListener", "{", "Exception"));
        assertThat(taskService.createTaskQuery().taskId(report.getId()).count()).isOne();
        assertNoEnglish("the refused task");
    }

    // ---- helpers ----

    /** Types a date a month ahead into the date field, in the format its picker shows. */
    private void pickDateInAMonth() {
        WebElement input = driver.findElement(By.cssSelector("input[id$='Field_effectiveDate-date']"));
        click(driver, By.cssSelector("input[id$='Field_effectiveDate-date']"));
        await().until(d -> !d.findElements(By.cssSelector(".flatpickr-calendar.open")).isEmpty());
        click(driver, By.cssSelector(".flatpickr-calendar.open .flatpickr-next-month"));
        click(driver, By.xpath("(//div[contains(@class,'flatpickr-calendar') and contains(@class,'open')]"
                + "//span[contains(@class,'flatpickr-day') and not(contains(@class,'prevMonthDay'))"
                + " and not(contains(@class,'nextMonthDay'))])[15]"));
        await().until(d -> !input.getDomProperty("value").isBlank());
        // shown as 年-月-日, whatever the browser's language
        assertThat(input.getDomProperty("value")).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    private List<String> placeholders() {
        return driver.findElements(By.cssSelector(".modal-content [placeholder]")).stream()
                .filter(WebElement::isDisplayed).map(e -> e.getDomAttribute("placeholder")).toList();
    }

    /** The due date Tasklist shows on the open task: "in 4 years", with the date and time as its tooltip. */
    private List<String> dueTexts() {
        return driver.findElements(By.cssSelector("[cam-tasklist-task-meta] .due-date [uib-tooltip]")).stream()
                .map(e -> e.getText() + " | " + e.getDomAttribute("uib-tooltip")).toList();
    }

    private void assertNoEnglish(String where) {
        String page = bodyText(driver);
        for (String english : ENGLISH) {
            assertThat(Pattern.compile("\\b" + Pattern.quote(english)).matcher(page).find())
                    .as("%s shows \"%s\":%n%s", where, english, page).isFalse();
        }
        assertThat(placeholders()).as("%s: placeholders", where).noneMatch(p -> p.matches(".*[A-Za-z]{3,}.*"));
    }

    /** Tasklist: 启动流程, pick the process, wait until its Camunda start form shows {@code fieldLabel}. */
    private void openStartForm(String processName, String fieldLabel) {
        for (int attempt = 1; ; attempt++) {
            click(driver, By.xpath("//a[normalize-space()='启动流程']"));
            click(driver, By.xpath("//div[contains(@class,'modal-content')]//ul[contains(@class,'processes')]//a"
                    + "[normalize-space()=" + literal(processName) + "]"));
            try {
                new WebDriverWait(driver, Duration.ofSeconds(30))
                        .until(d -> !d.findElements(By.cssSelector(".modal-content .fjs-form")).isEmpty());
                break;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
                driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
                await().until(d -> d.findElements(By.cssSelector(".modal-content")).isEmpty());
            }
        }
        awaitText(driver, fieldLabel);
    }

    private WebDriverWait await() {
        return WebappProbe.await(driver);
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, SCREENSHOTS.resolve("tasklist-ui-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
