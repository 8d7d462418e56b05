package cn.streetgov.webapp;

import static cn.streetgov.webapp.WebappProbe.awaitText;
import static cn.streetgov.webapp.WebappProbe.bodyText;
import static cn.streetgov.webapp.WebappProbe.click;
import static cn.streetgov.webapp.WebappProbe.literal;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.test.Browser;
import cn.streetgov.test.Http;
import cn.streetgov.test.IntegrationTest;
import cn.streetgov.whistle.process.WhistleProcess;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every kind of role uses the webapps in a real (headless) browser behind the engine API guard:
 * a street office blows the whistle from its Camunda start form and the summoned agency claims
 * and completes its report in Tasklist; a department opens and submits the power-delegation start
 * form; the auditor follows cases in Cockpit; the administrator works in Admin and Cockpit.
 *
 * <p>Each test also proves that the guard refused none of the calls these pages make (its WARN
 * lines), that the engine answered none of them with an error (the browser's network log) and that
 * no red notification appeared.
 */
@IntegrationTest
class RoleWebappBrowserTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RepositoryService repositoryService;

    private WebappProbe probe;
    private WebDriver driver;

    @BeforeEach
    void listenToTheGuard() {
        probe = new WebappProbe();
    }

    @AfterEach
    void closeBrowser() {
        probe.close();
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aStreetOfficeBlowsTheWhistleInTasklistAndTheAgencyClaimsAndCompletesItsReport() {
        String summary = "东华路夜市占道经营、油烟扰民（" + "第 " + (System.nanoTime() % 100000) + " 号" + "）";
        driver = Browser.chromium();
        Browser.login(driver, port, "tasklist", "s01-off");
        awaitText(driver, "本单位待办");

        WebappProbe.openStartForm(driver, "街道吹哨、部门报到", "召集部门");
        assertThat(WebappProbe.selectedOption(driver, "吹哨街道/镇")).isEqualTo("东华街道");
        WebappProbe.type(driver, "summary", summary);
        WebappProbe.type(driver, "location", "东华路 88 号");
        WebappProbe.check(driver, "urgency", "紧急（24 小时内报到）");
        WebappProbe.check(driver, "deptCodes", "公安分局（由东华派出所报到）");
        WebappProbe.startFromForm(driver);

        ProcessInstance whistle = runtimeService.createProcessInstanceQuery().processDefinitionKey(WhistleProcess.KEY)
                .variableValueEquals(WhistleProcess.Vars.SUMMARY, summary).singleResult();
        assertThat(whistle).as("the case started from the form").isNotNull();
        HistoricProcessInstance started = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(whistle.getId()).singleResult();
        assertThat(started.getStartUserId()).isEqualTo("s01-off");
        assertThat(runtimeService.getVariable(whistle.getId(), WhistleProcess.Vars.URGENCY)).isEqualTo("URGENT");
        Task report = taskService.createTaskQuery().processInstanceId(whistle.getId()).singleResult();
        assertThat(report.getTaskDefinitionKey()).isEqualTo(WhistleProcess.Elements.REPORT);
        assertWorkedCleanly("s01-off starts a whistle");

        driver.manage().deleteAllCookies();
        Browser.login(driver, port, "tasklist", "s01-ga-head");
        click(driver, By.xpath("//a[contains(normalize-space(),'本单位待办')]"));
        By card = By.cssSelector("a[href='#/?task=" + report.getId() + "']");
        click(driver, card);
        awaitText(driver, "报到说明");
        await().until(d -> d.findElements(By.cssSelector("textarea")).stream()
                .anyMatch(t -> summary.equals(t.getDomProperty("value"))));
        // the task's diagram and history tabs open as well
        click(driver, By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='流程图']"));
        await().until(d -> !d.findElements(By.cssSelector("[cam-tasklist-task] .djs-container svg")).isEmpty());
        click(driver, By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='历史']"));
        click(driver, By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='表单']"));

        click(driver, By.cssSelector("button.claim"));
        await().until(d -> "s01-ga-head".equals(
                taskService.createTaskQuery().taskId(report.getId()).singleResult().getAssignee()));
        await().until(d -> !d.findElements(By.cssSelector("button.unclaim")).isEmpty());
        WebappProbe.type(driver, "reportNote", "两名民警已到场，已劝离占道摊贩");
        click(driver, By.xpath("//div[contains(@class,'form-actions')]//button[normalize-space()='完成']"));
        await().withMessage(() -> "the report was not completed: " + WebappProbe.visibleErrors(driver))
                .until(d -> taskService.createTaskQuery().taskId(report.getId()).count() == 0);
        await().withMessage("the completed task is still listed").until(d -> d.findElements(card).isEmpty());

        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(report.getId())
                .singleResult();
        assertThat(done.getEndTime()).as("the report task is completed").isNotNull();
        assertThat(done.getAssignee()).isEqualTo("s01-ga-head");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(whistle.getId())
                .variableName(WhistleProcess.Vars.REPORT_NOTE).singleResult().getValue())
                .isEqualTo("两名民警已到场，已劝离占道摊贩");
        // Tasklist reloads the comments of the task it just completed: the engine no longer knows it (404)
        assertWorkedCleanly("s01-ga-head claims and completes the report",
                List.of("404 GET http://localhost:" + port + "/camunda/api/engine/engine/default/task/"
                        + report.getId() + "/"));
    }

    @Test
    void aDepartmentOpensAndSubmitsThePowerDelegationStartForm() {
        String legalBasis = "《居住证暂行条例》第十一条（" + "第 " + (System.nanoTime() % 1000000) + " 号" + "）";
        driver = Browser.chromium();
        Browser.login(driver, port, "tasklist", "ga-off");
        awaitText(driver, "本单位待办");

        WebappProbe.openStartForm(driver, "赋权下放审批", "赋权事项");
        assertThat(bodyText(driver)).contains("提出部门", "承接的街道/镇", "赋权方式", "法律依据", "随事划转编制数（名）",
                "生效日期");
        assertThat(WebappProbe.selectedOption(driver, "提出部门")).isEqualTo("公安分局");
        WebappProbe.addTag(driver, "powerItemCodes", "GA-GF-001");
        WebappProbe.check(driver, "targetOrgCodes", "东华街道");
        WebappProbe.selectOption(driver, "赋权方式", "委托");
        WebappProbe.type(driver, "legalBasis", legalBasis);
        WebappProbe.type(driver, "reason", "居民在街道便民服务中心就近申领居住证");
        WebappProbe.type(driver, "staffingTransfer", "0");
        String effective = LocalDate.now(ZONE).plusDays(30).format(DateTimeFormatter.ofPattern("MM/dd/yyyy"));
        WebappProbe.type(driver, "effectiveDate-date", effective + Keys.ENTER);
        WebappProbe.startFromForm(driver);

        ProcessInstance delegation = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(PowerDelegationProcess.KEY)
                .variableValueEquals(PowerDelegationProcess.Vars.LEGAL_BASIS, legalBasis).singleResult();
        assertThat(delegation).as("the case started from the form").isNotNull();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(delegation.getId())
                .singleResult().getStartUserId()).isEqualTo("ga-off");
        assertThat(runtimeService.getVariable(delegation.getId(), PowerDelegationProcess.Vars.DEPT_CODE))
                .isEqualTo("GA");
        assertWorkedCleanly("ga-off starts a power delegation");
    }

    @Test
    void theAuditorFollowsARunningCaseInCockpit() {
        String businessKey = blowWhistleOverRest();
        driver = Browser.chromium();
        Browser.login(driver, port, "cockpit", "auditor");
        // our look is loaded (scripts/streetgov/look.js): no Camunda 8 banner
        await().until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("link[href$='streetgov/look.css']")).isEmpty());
        // the auditor may not read groups: the task dashboard shows the group's id
        followCaseInCockpit(businessKey, "agency-S01-GA");
        assertWorkedCleanly("the auditor in Cockpit");
    }

    @Test
    void theAuditorOpensATaskInTasklistButTheClaimIsRefusedWithANotification() {
        String businessKey = blowWhistleOverRest();
        Task report = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        driver = Browser.chromium();
        Browser.login(driver, port, "tasklist", "auditor");
        awaitText(driver, "本单位待办");
        driver.get(app("tasklist") + "#/?task=" + report.getId());
        awaitText(driver, "报到说明");
        await().until(d -> d.findElements(By.cssSelector("input")).stream()
                .anyMatch(i -> businessKey.equals(i.getDomProperty("value"))));

        click(driver, By.cssSelector("button.claim"));
        awaitText(driver, "认领任务时发生错误。");
        assertThat(taskService.createTaskQuery().taskId(report.getId()).singleResult().getAssignee()).isNull();
        assertThat(probe.refusedCalls()).as("the guard lets the claim through: the engine refuses it").isEmpty();
        assertThat(probe.failedEngineCalls(driver)).singleElement().asString()
                .startsWith("403 POST ").endsWith("/task/" + report.getId() + "/claim");
        // the page still works: the task's diagram opens
        click(driver, By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='流程图']"));
        await().until(d -> !d.findElements(By.cssSelector("[cam-tasklist-task] .djs-container svg")).isEmpty());
    }

    @Test
    void theAdministratorManagesUsersAndGroupsInAdminAndFollowsCasesInCockpit() {
        String businessKey = blowWhistleOverRest();
        driver = Browser.chromium();
        Browser.login(driver, port, "admin", "admin");
        await().until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("link[href$='streetgov/look.css']")).isEmpty());
        driver.get(app("admin") + "#/users");
        awaitText(driver, "s01-off");
        assertThat(bodyText(driver)).contains("用户", "s01-ga-head", "auditor");
        driver.get(app("admin") + "#/groups/street-office-S01?tab=group");
        await().until(d -> "东华街道办事处".equals(
                d.findElement(By.cssSelector("input[ng-model='group.name']")).getDomProperty("value")));
        assertThat(bodyText(driver)).contains("编辑组 东华街道办事处", "组详情");
        driver.get(app("admin") + "#/groups/street-office-S01?tab=users");
        awaitText(driver, "s01-off");
        assertWorkedCleanly("the administrator in Admin");

        driver.manage().deleteAllCookies();
        Browser.login(driver, port, "cockpit", "admin");
        followCaseInCockpit(businessKey, "东华派出所");
        assertWorkedCleanly("the administrator in Cockpit");
    }

    // ---- shared steps ----

    /** Cockpit: dashboard, processes, the whistle definition, the running case with diagram and variables. */
    private void followCaseInCockpit(String businessKey, String groupShown) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .singleResult();
        long deployed = repositoryService.createProcessDefinitionQuery().latestVersion().count();

        driver.get(app("cockpit") + "#/dashboard");
        awaitText(driver, "当前概况");
        awaitText(driver, "已部署");
        // the deployed counts are filled in only when every count the dashboard asks for is answered
        await().withMessage(() -> "deployed process definitions not counted:\n" + bodyText(driver))
                .until(d -> d.findElement(By.cssSelector(".stats-section.processes .value")).getText().trim()
                        .equals(String.valueOf(deployed)));

        driver.get(app("cockpit") + "#/processes");
        awaitText(driver, "街道吹哨、部门报到");
        assertThat(bodyText(driver)).contains("赋权下放审批", "收回赋权", "派驻机构负责人任免征求意见", "街道对派驻机构考核");

        click(driver, By.xpath("//a[starts-with(@href,'#/process-definition/" + WhistleProcess.KEY + ":')]"
                + "[normalize-space()='街道吹哨、部门报到']"));
        awaitText(driver, "运行中的实例");
        awaitDiagram();
        awaitText(driver, businessKey);

        driver.get(app("cockpit") + "#/process-instance/" + instance.getId() + "/runtime?tab=variables-tab");
        awaitText(driver, "业务键");
        awaitDiagram();
        click(driver, By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='变量']"));
        awaitText(driver, WhistleProcess.Vars.CASE_NO);
        awaitText(driver, "东华街道");
        click(driver, By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='用户任务']"));
        awaitText(driver, "部门报到");

        // the human-task dashboard counts the open tasks per group (named for those who may read groups)
        driver.get(app("cockpit") + "#/tasks");
        awaitText(driver, "按组分配");
        awaitText(driver, groupShown);
    }

    private void awaitDiagram() {
        await().until(d -> !d.findElements(By.cssSelector(".djs-container svg .djs-element")).isEmpty());
    }

    /** A whistle of 东华街道 summoning 公安分局, started over REST; its business key. */
    private String blowWhistleOverRest() {
        Http.Response started = Http.as(port, "s01-off").postJson(
                "/engine-rest/process-definition/key/" + WhistleProcess.KEY + "/submit-form",
                Map.of("variables", Map.of("orgCode", Map.of("value", "S01"),
                        "summary", Map.of("value", "东华路井盖破损"), "location", Map.of("value", "东华路 12 号"),
                        "urgency", Map.of("value", "NORMAL"), "deptCodes", Map.of("value", "GA"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        // the REST call itself is no browser's: only what the pages call from here on counts
        probe.close();
        probe = new WebappProbe();
        return started.json().path("businessKey").asText();
    }

    /** No refusal by the guard, no failed engine call, no red notification — so far in this test. */
    private void assertWorkedCleanly(String step) {
        assertWorkedCleanly(step, List.of());
    }

    /** The same, tolerating failed calls whose "STATUS METHOD URL" starts with one of {@code tolerated}. */
    private void assertWorkedCleanly(String step, List<String> tolerated) {
        assertThat(probe.refusedCalls()).as("%s: calls the engine API guard refused", step).isEmpty();
        List<String> failed = probe.failedEngineCalls(driver).stream()
                .filter(call -> tolerated.stream().noneMatch(call::startsWith)).toList();
        assertThat(failed).as("%s: engine API calls that failed", step).isEmpty();
        assertThat(WebappProbe.visibleErrors(driver)).as("%s: error notifications", step).isEmpty();
        assertThat(driver.findElements(org.openqa.selenium.By.cssSelector(".ce-eol-banner")).stream()
                .filter(org.openqa.selenium.WebElement::isDisplayed)).as("%s: Camunda's migration banner", step).isEmpty();
    }

    private org.openqa.selenium.support.ui.WebDriverWait await() {
        return WebappProbe.await(driver);
    }

    private String app(String app) {
        return "http://localhost:" + port + "/camunda/app/" + app + "/default/";
    }
}
