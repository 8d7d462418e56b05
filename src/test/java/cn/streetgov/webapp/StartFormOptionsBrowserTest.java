package cn.streetgov.webapp;

import static cn.streetgov.webapp.WebappProbe.await;
import static cn.streetgov.webapp.WebappProbe.awaitText;
import static cn.streetgov.webapp.WebappProbe.click;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.delegation.domain.PowerCatalog;
import cn.streetgov.delegation.domain.PowerItem;
import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.OrgUnit;
import cn.streetgov.startform.StartOptions;
import cn.streetgov.test.Browser;
import cn.streetgov.test.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The start forms in Tasklist offer what the organisation model holds for the official who opens
 * them: 城管执法局's official sees 城市管理和综合执法局 as the (pre-chosen, read-only) department, only its
 * own power items and every street/town of the model, and starts a case; 区考核办 sees the streets by
 * their Chinese names as a checklist and the periods in Chinese. Screenshots under target/start-forms/.
 */
@IntegrationTest
class StartFormOptionsBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "start-forms");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    PowerCatalog catalog;
    @Autowired
    OrgDirectory org;
    @Autowired
    JdbcTemplate jdbc;

    private WebappProbe probe;
    private WebDriver driver;

    @BeforeEach
    void openBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        probe = new WebappProbe();
        driver = Browser.chromium();
    }

    @AfterEach
    void closeBrowser() {
        probe.close();
        driver.quit();
    }

    @Test
    void aDepartmentIsOfferedOnlyItsOwnItemsAndTheStreetsOfTheModelAndStartsACase() {
        // earlier tests' powers out of the catalog: an item already delegated to S01 would make the case ineligible
        jdbc.update("update dlg_delegated_power set status = 'REVOKED' where status = 'ACTIVE'");
        Browser.login(driver, port, "tasklist", "cgzf-off");
        awaitText(driver, "本单位待办");
        WebappProbe.openStartForm(driver, "赋权下放审批", "赋权事项");

        assertThat(WebappProbe.selectedOption(driver, "提出部门")).isEqualTo("城市管理和综合执法局");
        assertThat(driver.findElements(By.cssSelector(".fjs-form-field-select.fjs-readonly"))).hasSize(1);
        List<String> streets = org.units().stream().map(StartFormOptionsBrowserTest::streetLabel).toList();
        assertThat(checklistLabels("承接的街道/镇")).containsExactlyElementsOf(streets).contains("东华街道", "青山镇");

        click(driver, By.cssSelector("input[id$='Field_powerItemCodes']"));
        await(driver).until(d -> !d.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty());
        List<String> items = driver.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .map(e -> e.getDomProperty("textContent").trim()).toList();
        List<PowerItem> own = catalog.items("CGZF");
        assertThat(items).hasSize(own.size()).allMatch(label -> label.startsWith("CGZF-"))
                .contains("CGZF-CF-001 对擅自占用、挖掘城市道路的行政处罚（行政处罚）");
        screenshot("delegation-items");
        click(driver, By.cssSelector(".fjs-form-field-text"));
        await(driver).until(d -> d.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty());
        assertThat(VisibleText.problems(VisibleText.of(driver))).as("the start form in Chinese").isEmpty();

        String legalBasis = "《城市道路管理条例》第四十二条（选项测试 " + (System.nanoTime() % 100000) + "）";
        WebappProbe.addTag(driver, "powerItemCodes", "CGZF-CF-001");
        WebappProbe.choose(driver, "承接的街道/镇", "东华街道");
        WebappProbe.selectOption(driver, "赋权方式", "下放");
        WebappProbe.fill(driver, "法律依据", legalBasis);
        WebappProbe.fill(driver, "下放理由", "占道挖掘多发生在街巷，由街道执法更方便有效");
        WebappProbe.fill(driver, "随事划转编制数（名）", "0");
        WebappProbe.fillDate(driver, "生效日期", CaseClock.today().plusDays(30));
        screenshot("delegation-filled");
        WebappProbe.startFromForm(driver);

        ProcessInstance started = await(driver).until(d -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(PowerDelegationProcess.KEY)
                .variableValueEquals(PowerDelegationProcess.Vars.LEGAL_BASIS, legalBasis).singleResult());
        assertThat(runtimeService.getVariable(started.getId(), PowerDelegationProcess.Vars.DEPT_CODE)).isEqualTo("CGZF");
        // the option lists stay in the form: none of them became a variable of the case
        assertThat(runtimeService.getVariables(started.getId()).keySet()).doesNotContainAnyElementsOf(StartOptions.OPTION_KEYS);
        assertThat(probe.refusedCalls()).as("calls the engine API guard refused").isEmpty();
        screenshot("delegation-started");
        runtimeService.deleteProcessInstance(started.getId(), "test clean-up", true, true);
    }

    @Test
    void theAssessmentStartFormOffersTheStreetsByTheirChineseNames() {
        Browser.login(driver, port, "tasklist", "kaohe");
        awaitText(driver, "本单位待办");
        WebappProbe.openStartForm(driver, "街道对派驻机构考核", "考核期");

        List<String> streets = org.units().stream().map(StartFormOptionsBrowserTest::streetLabel).toList();
        assertThat(checklistLabels("参加考核的街道/镇（可选）")).containsExactlyElementsOf(streets)
                .contains("东华街道", "西岭街道", "青山镇");
        click(driver, By.xpath("//div[contains(@class,'fjs-form-field-select')][.//label[starts-with(normalize-space(),"
                + "'考核期')]]//div[contains(@class,'fjs-select-display')]"));
        await(driver).until(d -> !d.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty());
        List<String> periods = driver.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .map(e -> e.getDomProperty("textContent").trim()).toList();
        assertThat(periods).isNotEmpty().allMatch(label -> label.matches("\\d{4}年(度|上半年|下半年|第[一二三四]季度)"));
        screenshot("assessment-periods");
        WebappProbe.selectOption(driver, "考核期", periods.get(0));
        WebappProbe.choose(driver, "参加考核的街道/镇（可选）", "西岭街道");
        screenshot("assessment-streets");
        assertThat(VisibleText.problems(VisibleText.of(driver))).as("no codes on the assessment start form").isEmpty();
        assertThat(probe.refusedCalls()).as("calls the engine API guard refused").isEmpty();
    }

    // ---- helpers ----

    private static String streetLabel(OrgUnit unit) {
        return unit.getName() + (unit.getType() == cn.streetgov.org.domain.UnitType.STREET && !unit.isCentral()
                ? "（非中心城区）" : "");
    }

    /** The option labels of the checklist labelled {@code group}, in their order. */
    private List<String> checklistLabels(String group) {
        WebElement field = driver.findElement(By.xpath("//div[contains(@class,'fjs-form-field-checklist')]"
                + "[(.//label)[1][starts-with(normalize-space(translate(., '*', '')), '" + group + "')]]"));
        return field.findElements(By.xpath(".//label[@for]")).stream().map(e -> e.getText().trim())
                .filter(text -> !text.replace("*", "").trim().equals(group)).toList();
    }

    private void screenshot(String name) {
        try {
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
