package cn.streetgov.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.assessment.domain.AssessmentCampaign;
import cn.streetgov.assessment.domain.AssessmentCase;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.process.AssessmentCaseProcess;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Elements;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import cn.streetgov.test.Browser;
import cn.streetgov.test.IntegrationTest;
import cn.streetgov.test.Officials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The assessed agency reads its result in 公示 and objects, in headless Chromium: 东华派出所's head
 * logs in to Tasklist, opens the results page (and is taken to 本机构考核结果), reads the total, the
 * grade, each indicator's score, the committee's reason and the 公示 end, raises an objection with
 * its reason in the dialog and sees it recorded (已提出异议, 异议复核中). A street office official who
 * opens the results page reads a Chinese refusal page. The case is brought to 公示 through the engine.
 * Screenshots: target/assessed-public/.
 */
@IntegrationTest
class AssessedResultBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "assessed-public");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    AssessmentService assessments;

    private WebDriver driver;

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void theAgencyHeadReadsItsResultInPublicityAndObjects() {
        ProcessInstance police = policeInPublicity();
        String caseNo = police.getBusinessKey();

        driver = Browser.chromium();
        Browser.login(driver, port, "tasklist", "s01-ga-head");
        driver.get("http://localhost:" + port + "/app/assessments");
        await().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        assertThat(driver.getCurrentUrl()).endsWith("/app/assessments/mine");
        WebElement card = card(caseNo);
        String text = card.getText();
        assertThat(text).contains("东华派出所", "东华街道", "公示中", "良好", "82.5", "指挥调度", "履职清单", "工作作风",
                "协作配合", "群众满意度", "调整", "夜市整治专项行动表现突出", "报到及时率", "公示截止");
        assertThat(text).containsPattern("公示截止：\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
        assertThat(VisibleText.problems(VisibleText.of(driver))).as("English or codes on the page").isEmpty();
        screenshot("1-result-in-publicity");

        card.findElement(By.cssSelector(".object-button")).click();
        WebElement dialog = await().until(d -> {
            WebElement e = d.findElement(By.id("objection-dialog"));
            return e.isDisplayed() ? e : null;
        });
        assertThat(dialog.getText()).contains("提出异议", "异议理由（必填）", caseNo);
        dialog.findElement(By.id("objection-reason")).sendKeys("工作作风一项扣分未说明依据，请予复核");
        assertThat(VisibleText.problems(VisibleText.of(driver))).as("English or codes in the dialog").isEmpty();
        screenshot("2-objection-dialog");
        dialog.findElement(By.id("objection-submit")).click();

        await().until(d -> d.findElement(By.id("message")).getText().contains("已提出异议"));
        await().until(d -> card(caseNo).getText().contains("异议复核中"));
        String after = card(caseNo).getText();
        assertThat(after).contains("已提出异议（第 1 次）：工作作风一项扣分未说明依据，请予复核", "处理结果：复核中")
                .doesNotContain("公示截止");
        assertThat(card(caseNo).findElements(By.cssSelector(".object-button"))).isEmpty();
        assertThat(VisibleText.problems(VisibleText.of(driver))).as("English or codes after the objection").isEmpty();
        screenshot("3-objection-recorded");

        AssessmentCase recorded = assessments.findCase(caseNo).orElseThrow();
        assertThat(recorded.getObjectionCount()).isEqualTo(1);
        assertThat(recorded.getStatus().name()).isEqualTo("OBJECTION");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(police.getId())
                .taskDefinitionKey(Elements.REVIEW_OBJECTION).count()).as("the committee re-reviews").isEqualTo(1);
    }

    @Test
    void anOfficialWhoMayNotOpenTheResultsPageReadsAChineseRefusal() {
        driver = Browser.chromium();
        Browser.login(driver, port, "tasklist", "s01-off");
        driver.get("http://localhost:" + port + "/app/assessments");
        String text = VisibleText.of(driver);
        assertThat(text).contains("无权访问", "考核结果页面仅供", "返回任务列表");
        assertThat(driver.getPageSource()).doesNotContain("\"message\"");
        assertThat(VisibleText.problems(text)).isEmpty();
        screenshot("4-refusal-page");
    }

    /** 东华派出所's case of a fresh campaign: self-evaluated, scored, adjusted by the committee; in 公示. */
    private ProcessInstance policeInPublicity() {
        AssessmentCampaign campaign = assessments.openCampaign(Officials.freshAssessmentPeriod(assessments), List.of(),
                new AssessmentService.Actor("kaohe", "assessment-office"), null);
        ProcessInstance police = engine.getRuntimeService().startProcessInstanceByKey(AssessmentCaseProcess.KEY,
                Map.of(Vars.CAMPAIGN_ID, campaign.getId(), Vars.AGENCY_CODE, "S01-GA"));
        complete(police, Elements.SELF_EVALUATE, "s01-ga-head",
                Map.of(Vars.SELF_SCORE, 90, Vars.SELF_REPORT, "全年按清单履职，吹哨必到"));
        Map<String, Object> scores = new HashMap<>();
        for (String indicator : new String[] {Vars.SCORE_COMMAND, Vars.SCORE_DUTY, Vars.SCORE_STYLE,
                Vars.SCORE_COOPERATION, Vars.SCORE_SATISFACTION}) {
            scores.put(indicator, 80);
        }
        scores.put(Vars.VETO_ITEM, false);
        scores.put(Vars.SCORE_CHANGE_REASON, "按全年实际表现评分");
        complete(police, Elements.SCORE, "s01-off", scores);
        complete(police, Elements.COMMITTEE, "s01-sec", Map.of(Vars.COMMITTEE_DECISION, "ADJUST",
                Vars.ADJUSTED_SCORE, 82.5, Vars.ADJUST_REASON, "夜市整治专项行动表现突出，酌情加分"));
        assertThat(assessments.findCase(police.getBusinessKey()).orElseThrow().getStatus().name()).isEqualTo("PUBLICITY");
        return police;
    }

    private void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("%s of %s", taskKey, instance.getBusinessKey()).isNotNull();
        Officials.complete(engine, user, task, variables);
    }

    private WebElement card(String caseNo) {
        return driver.findElement(By.cssSelector("section.card[data-case-no='" + caseNo + "']"));
    }

    private WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, SCREENSHOTS.resolve("assessed-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
