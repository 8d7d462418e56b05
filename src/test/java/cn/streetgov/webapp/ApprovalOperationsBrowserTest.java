package cn.streetgov.webapp;

import static cn.streetgov.webapp.WebappProbe.await;
import static cn.streetgov.webapp.WebappProbe.awaitText;
import static cn.streetgov.webapp.WebappProbe.bodyText;
import static cn.streetgov.webapp.WebappProbe.click;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.org.domain.OrgAdministration;
import cn.streetgov.org.domain.Person;
import cn.streetgov.org.domain.PersonRepository;
import cn.streetgov.test.Browser;
import cn.streetgov.test.Http;
import cn.streetgov.test.IntegrationTest;
import cn.streetgov.test.Officials;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Officials perform approval operations in Tasklist through our plugin (审批操作 on the open task,
 * 抄送我的 in the header), in a real (headless) browser, on a power-delegation case: 区委编办 returns
 * the staffing confirmation to the street's capacity review (退回), transfers it to a colleague
 * (转办), adds the colleague as an approver before him (加签), who signs his opinion (签署加签意见),
 * copies it to the street official who reviewed it, who finds it in 抄送我的 and marks it read; an auditor opening the task sees no operation at all. After each the engine's (or the API's)
 * state is checked, and screenshots of every dialog and result are kept under target/screenshots/.
 */
@IntegrationTest
class ApprovalOperationsBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String COLLEAGUE = "bianban-2";
    /** A password Camunda's policy accepts (a new person has none until an administrator sets one). */
    private static final String COLLEAGUE_PASSWORD = "Zhou-Ming-2026!";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrgAdministration orgAdmin;
    @Autowired
    PersonRepository persons;

    private WebappProbe probe;
    private WebDriver driver;

    @BeforeEach
    void setUp() {
        // earlier tests' powers out of the catalog: an item already delegated to S01 would make the case ineligible
        jdbc.update("update dlg_delegated_power set status = 'REVOKED' where status = 'ACTIVE'");
        probe = new WebappProbe();
    }

    @AfterEach
    void tearDown() {
        probe.close();
        if (driver != null) {
            driver.quit();
        }
        // the tests after these find 编办 with its one demo member again (the tasks the colleague held go
        // back to the group)
        persons.findAll().stream().filter(p -> p.getUsername().equals(COLLEAGUE) && p.isActive()).findFirst()
                .ifPresent(p -> orgAdmin.deactivatePerson("admin", COLLEAGUE, p.getVersion()));
    }

    @Test
    void bianbanReturnsTheStaffingConfirmationToTheStreetsCapacityReview() {
        ProcessInstance instance = caseAtStaffingConfirmation();
        Task staffing = staffingTask(instance);

        driver = Browser.chromium();
        Browser.login(driver, port, "tasklist", "bianban");
        openAndClaim(staffing, "return");

        openOperation("RETURN", "退回");
        screenshot("return-1-dialog");
        // nothing chosen: the dialog says what is missing, in Chinese, and sends nothing
        submit();
        awaitDialogText("请选择退回到哪个环节");
        Select target = new Select(awaitDialog(By.name("target")));
        WebElement street = target.getOptions().stream()
                .filter(o -> o.getText().contains("评估承接能力") && o.getText().contains("东华街道")).findFirst()
                .orElseThrow(() -> new AssertionError("no return target 评估承接能力（东华街道…）: "
                        + target.getOptions().stream().map(WebElement::getText).toList()));
        target.selectByVisibleText(street.getText());
        submit();
        awaitDialogText("请填写退回理由");
        awaitDialog(By.name("reason")).sendKeys("随事划转编制数未与东华街道核实，请重新评估承接能力");
        screenshot("return-2-filled");
        submit();

        String message = awaitSuccess("退回");
        screenshot("return-3-result");
        assertThat(message).isNotBlank();

        // the engine: the staffing confirmation is gone, the street's capacity review is open again
        assertThat(taskService.createTaskQuery().taskId(staffing.getId()).count()).isZero();
        List<Task> open = taskService.createTaskQuery().processInstanceId(instance.getId()).list();
        assertThat(open).extracting(Task::getTaskDefinitionKey).containsExactly(PowerDelegationProcess.REVIEW_CAPACITY);
        assertThat(candidateGroups(open.get(0))).contains("street-office-S01");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isOne();
        // Tasklist closed the task and its card left the list
        await(driver).until(d -> d.findElements(card(staffing)).isEmpty());
        assertThat(driver.getCurrentUrl()).doesNotContain(staffing.getId());
        assertThat(probe.refusedCalls()).isEmpty();
    }

    @Test
    void bianbanTransfersTheStaffingConfirmationToAColleague() {
        ensureColleague();
        ProcessInstance instance = caseAtStaffingConfirmation();
        Task staffing = staffingTask(instance);

        driver = Browser.chromium();
        Browser.login(driver, port, "tasklist", "bianban");
        openAndClaim(staffing, "transfer");

        openOperation("TRANSFER", "转办");
        screenshot("transfer-1-dialog");
        submit();
        awaitDialogText("请选择转办给谁");
        Select person = new Select(awaitDialog(By.name("userId")));
        // the colleague is offered by name, unit and post
        WebElement colleague = await(driver).until(d -> person.getOptions().stream()
                .filter(o -> COLLEAGUE.equals(o.getDomAttribute("value"))).findFirst().orElse(null));
        assertThat(colleague.getText()).contains("周明", "区委编办");
        person.selectByValue(COLLEAGUE);
        submit();
        awaitDialogText("请填写转办理由");
        awaitDialog(By.name("reason")).sendKeys("本人出差，由周明同志办理");
        screenshot("transfer-2-filled");
        submit();

        awaitSuccess("转办");
        screenshot("transfer-3-result");

        // the engine: the same task, now the colleague's; the case has not moved
        Task transferred = taskService.createTaskQuery().taskId(staffing.getId()).singleResult();
        assertThat(transferred).as("the transferred task is still open").isNotNull();
        assertThat(transferred.getAssignee()).isEqualTo(COLLEAGUE);
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).list())
                .extracting(Task::getTaskDefinitionKey).containsExactly(PowerDelegationProcess.CONFIRM_STAFFING);
        HistoricTaskInstance history = historyService.createHistoricTaskInstanceQuery().taskId(staffing.getId())
                .singleResult();
        assertThat(history.getEndTime()).isNull();
        // Tasklist closed the task: it is no longer bianban's to work on
        await(driver).until(d -> !d.getCurrentUrl().contains(staffing.getId()));
        assertThat(probe.refusedCalls()).isEmpty();
    }

    @Test
    void bianbanAddsAColleagueBeforeHimAndTheColleagueSignsHisOpinion() {
        ensureColleague();
        ProcessInstance instance = caseAtStaffingConfirmation();
        Task staffing = staffingTask(instance);

        driver = Browser.chromium();
        Browser.login(driver, port, "tasklist", "bianban");
        openAndClaim(staffing, "add-sign");
        openOperation("ADD_SIGN", "加签");
        submit();
        awaitDialogText("请选择加签人员");
        click(driver, By.cssSelector(".sg-op-modal input[name='picked'][value='" + COLLEAGUE + "']"));
        click(driver, By.cssSelector(".sg-op-modal input[name='position'][value='BEFORE']"));
        submit();
        awaitDialogText("请填写加签理由");
        awaitDialog(By.name("reason")).sendKeys("编制核定需周明同志先行核对");
        screenshot("add-sign-1-dialog");
        submit();
        awaitSuccess("加签");
        // the task stays with 编办, who may now also take the colleague off again
        await(driver).until(d -> !d.findElements(By.cssSelector(".sg-approval-ops .sg-op-REMOVE_SIGN")).isEmpty());
        screenshot("add-sign-2-result");
        assertThat(taskService.createTaskQuery().taskId(staffing.getId()).singleResult().getAssignee())
                .isEqualTo("bianban");
        Task sign = taskService.createTaskQuery().taskAssignee(COLLEAGUE).list().stream()
                .filter(t -> staffing.getId().equals(t.getParentTaskId())).findFirst()
                .orElseThrow(() -> new AssertionError("no sign task of the colleague under the staffing task"));

        driver.manage().deleteAllCookies();
        Browser.login(driver, port, "tasklist", COLLEAGUE, COLLEAGUE_PASSWORD);
        awaitText(driver, "我的待办");
        driver.get(tasklist() + "#/?task=" + sign.getId());
        By signButton = By.cssSelector(".sg-approval-ops .sg-op-SIGN");
        await(driver).withMessage(() -> "no 签署加签意见 on the sign task:\n" + bodyText(driver))
                .until(d -> !d.findElements(signButton).isEmpty());
        // an added approver signs; the case's operations (退回, 转办, 加签 …) are not theirs
        assertThat(driver.findElements(By.cssSelector(".sg-approval-ops .sg-op")).stream()
                .map(b -> b.getDomAttribute("data-op"))).contains("SIGN")
                .doesNotContain("RETURN", "RETURN_TO_STARTER", "TRANSFER", "DELEGATE", "ADD_SIGN", "REMOVE_SIGN");
        screenshot("sign-0-task");
        openOperation("SIGN", "签署加签意见");
        submit();
        awaitDialogText("请选择同意或不同意");
        click(driver, By.xpath("//div[contains(@class,'sg-op-modal')]//label[normalize-space()='同意']"));
        submit();
        awaitDialogText("请填写加签意见");
        awaitDialog(By.name("opinion")).sendKeys("已核对，随事划转编制 1 名无误");
        screenshot("sign-1-dialog");
        submit();
        awaitSuccess("签署加签意见");
        screenshot("sign-2-result");

        // the engine: the sign task is done, the staffing confirmation waits for 编办 again
        assertThat(taskService.createTaskQuery().taskId(sign.getId()).count()).isZero();
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(sign.getId()).singleResult().getEndTime())
                .isNotNull();
        Task after = taskService.createTaskQuery().taskId(staffing.getId()).singleResult();
        assertThat(after).isNotNull();
        assertThat(after.getAssignee()).isEqualTo("bianban");
        assertThat(probe.refusedCalls()).isEmpty();
    }

    @Test
    void theAuditorSeesNoApprovalOperations() {
        ProcessInstance instance = caseAtStaffingConfirmation();
        Task staffing = staffingTask(instance);

        driver = Browser.chromium();
        Browser.login(driver, port, "tasklist", "auditor");
        awaitText(driver, "本单位待办");
        driver.get(tasklist() + "#/?task=" + staffing.getId());
        awaitText(driver, "确认编随事转");
        // the plugin has asked the server (whatever it answered), and shows nothing
        NetworkLog network = new NetworkLog();
        await(driver).withMessage("the plugin did not ask for the task's operations")
                .until(d -> network.answered(d, "/api/tasks/" + staffing.getId() + "/operations"));
        screenshot("auditor-task");
        assertThat(driver.findElements(By.cssSelector(".sg-approval-ops"))).isEmpty();
        assertThat(bodyText(driver)).doesNotContain("审批操作");
        // whatever the server answered the auditor, the plugin raised no alarm
        assertThat(WebappProbe.visibleErrors(driver)).isEmpty();
        // 抄送我的 is in the header for everyone who is logged in
        assertThat(driver.findElements(By.cssSelector("a.sg-copies-link"))).hasSize(1);
    }

    @Test
    void bianbanCopiesTheCaseToTheStreetWhoseOfficialMarksItRead() {
        ProcessInstance instance = caseAtStaffingConfirmation();
        Task staffing = staffingTask(instance);
        String note = "请东华街道知悉编制划转安排（" + "第 " + (System.nanoTime() % 1000000) + " 号" + "）";
        driver = Browser.chromium();
        Browser.login(driver, port, "tasklist", "bianban");
        openAndClaim(staffing, "copy");
        openOperation("COPY", "抄送");
        submit();
        awaitDialogText("请选择抄送人员");
        // the street official who did the capacity review is offered as one who handled the case
        By street = By.cssSelector(".sg-op-modal input[name='picked'][value='s01-off']");
        click(driver, street);
        awaitDialog(By.name("note")).sendKeys(note);
        screenshot("copy-1-dialog");
        submit();
        awaitSuccess("抄送");
        screenshot("copy-2-result");
        // the task stays with 编办 (a copy changes nothing of the case)
        assertThat(taskService.createTaskQuery().taskId(staffing.getId()).singleResult().getAssignee())
                .isEqualTo("bianban");
        assertThat(driver.findElements(By.cssSelector(".sg-approval-ops .sg-op"))).isNotEmpty();

        driver.manage().deleteAllCookies();
        Browser.login(driver, port, "tasklist", "s01-off");
        awaitText(driver, "本单位待办");
        By unread = By.cssSelector("a.sg-copies-link .sg-copies-unread");
        await(driver).withMessage("no unread count beside 抄送我的").until(d -> !d.findElements(unread).isEmpty());
        int before = Integer.parseInt(driver.findElement(unread).getText().trim());
        assertThat(before).isPositive();
        screenshot("copies-1-header");

        click(driver, By.cssSelector("a.sg-copies-link"));
        By row = By.xpath("//div[contains(@class,'sg-copies-modal')]//tr[contains(@class,'sg-copy')]"
                + "[.//td[contains(@class,'sg-copy-note')][normalize-space()='" + note + "']]");
        // the list shows once the dialog has opened (a row's text is empty while it is still hidden)
        WebElement copy = await(driver).until(d -> d.findElements(row).stream()
                .filter(r -> r.getText().contains(caseNo(instance))).findFirst().orElse(null));
        assertThat(copy.getText()).contains(caseNo(instance), "确认编随事转");
        screenshot("copies-2-list");
        click(driver, By.xpath("//div[contains(@class,'sg-copies-modal')]//tr[contains(@class,'sg-copy')]"
                + "[.//td[contains(@class,'sg-copy-note')][normalize-space()='" + note + "']]"
                + "//button[contains(@class,'sg-copy-mark-read')]"));
        await(driver).until(d -> d.findElement(row).getText().contains("已阅"));
        screenshot("copies-3-read");

        // the server has it read
        JsonNode copies = Http.as(port, "s01-off").get("/api/copies").json();
        JsonNode mine = null;
        for (JsonNode c : copies.path("items")) {
            if (note.equals(c.path("note").asText())) {
                mine = c;
            }
        }
        assertThat(mine).as("the copy in GET /api/copies").isNotNull();
        assertThat(mine.path("readAt").isNull() || mine.path("readAt").isMissingNode()).isFalse();
        click(driver, By.cssSelector(".sg-copies-modal .sg-copies-close"));
        await(driver).until(d -> d.findElements(By.cssSelector(".sg-copies-modal")).isEmpty());
        await(driver).until(d -> d.findElements(unread).isEmpty()
                || Integer.parseInt(d.findElement(unread).getText().trim()) == before - 1);
    }

    // ---------------------------------------------------------------- the case

    /** A power delegation of 城管 to 东华街道 whose capacity review the street has completed. */
    private ProcessInstance caseAtStaffingConfirmation() {
        return DemoCases.delegationAtStaffingConfirmation(engine);
    }

    private String caseNo(ProcessInstance instance) {
        return DemoCases.caseNo(engine, instance);
    }

    private Task staffingTask(ProcessInstance instance) {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(PowerDelegationProcess.CONFIRM_STAFFING).singleResult();
        assertThat(task).as("the case waits for 编办").isNotNull();
        return task;
    }

    /** A second member of 区委编办 (the demo organisation has one per group), as an administrator adds one. */
    private void ensureColleague() {
        Person existing = persons.findAll().stream().filter(p -> p.getUsername().equals(COLLEAGUE)).findFirst()
                .orElse(null);
        if (existing == null) {
            Person person = orgAdmin.createPerson("admin",
                    new OrgAdministration.PersonInput(COLLEAGUE, "周", "明", null, null));
            orgAdmin.addPost("admin", COLLEAGUE,
                    new OrgAdministration.PostInput("BIANBAN", null, "区委编办科员", person.getVersion()));
        } else if (!existing.isActive()) {
            orgAdmin.reactivatePerson("admin", COLLEAGUE, existing.getVersion());
        }
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("bianban").userId(COLLEAGUE).count())
                .as("the colleague is a member of bianban").isOne();
        // as an administrator does in Camunda Admin, so that the colleague can log in
        User user = engine.getIdentityService().createUserQuery().userId(COLLEAGUE).singleResult();
        user.setPassword(COLLEAGUE_PASSWORD);
        engine.getIdentityService().saveUser(user);
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }

    // ---------------------------------------------------------------- the browser

    private String tasklist() {
        return "http://localhost:" + port + "/camunda/app/tasklist/default/";
    }

    private static By card(Task task) {
        return By.cssSelector("a[href='#/?task=" + task.getId() + "']");
    }

    /** Opens the task from the list 本单位待办 and claims it, as an official does before deciding. */
    private void openAndClaim(Task task, String screenshotPrefix) {
        click(driver, By.xpath("//a[contains(normalize-space(),'本单位待办')]"));
        click(driver, card(task));
        awaitText(driver, "确认编随事转");
        click(driver, By.cssSelector("button.claim"));
        await(driver).until(d -> "bianban".equals(
                taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()));
        await(driver).until(d -> !d.findElements(By.cssSelector("button.unclaim")).isEmpty());
        await(driver).withMessage(() -> "no 审批操作 on the task:\n" + bodyText(driver))
                .until(d -> !d.findElements(By.cssSelector(".sg-approval-ops .sg-op")).isEmpty());
        screenshot(screenshotPrefix + "-0-task");
    }

    private void openOperation(String code, String label) {
        By button = By.cssSelector(".sg-approval-ops .sg-op-" + code);
        await(driver).until(d -> !d.findElements(button).isEmpty());
        assertThat(driver.findElement(button).getText()).isEqualTo(label);
        click(driver, button);
        await(driver).until(d -> !d.findElements(By.cssSelector(".sg-op-modal .sg-op-dialog")).isEmpty());
        await(driver).until(d -> d.findElement(By.cssSelector(".sg-op-modal .modal-title")).getText().equals(label));
        // the dialog has loaded what it offers (targets, people)
        await(driver).until(d -> d.findElements(By.cssSelector(".sg-op-modal .sg-op-loading")).isEmpty());
    }

    private WebElement awaitDialog(By by) {
        return await(driver).until(d -> d.findElements(By.cssSelector(".sg-op-modal")).isEmpty() ? null
                : d.findElement(By.cssSelector(".sg-op-modal")).findElements(by).stream()
                        .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    private void awaitDialogText(String text) {
        await(driver).withMessage(() -> "「" + text + "」 not in the dialog:\n" + bodyText(driver))
                .until(d -> d.findElements(By.cssSelector(".sg-op-modal")).stream()
                        .anyMatch(m -> m.getText().contains(text)));
    }

    private void submit() {
        click(driver, By.cssSelector(".sg-op-modal .sg-op-submit"));
    }

    /**
     * Waits for the dialog to close with the server's confirmation, shown as a notification headed
     * with the operation's name; answers the confirmation's text. A refusal keeps the dialog open with
     * the server's reason: the wait then fails with it.
     */
    private String awaitSuccess(String label) {
        await(driver).withMessage(() -> "the operation did not succeed: " + dialogError()).until(
                d -> d.findElements(By.cssSelector(".sg-op-modal")).isEmpty());
        By notification = By.xpath("//div[contains(@class,'page-notifications')]//div[contains(@class,'alert')]"
                + "[.//strong[contains(@class,'status')][normalize-space()='" + label + "']]//span[contains(@class,'message')]");
        WebElement shown = await(driver).until(d -> d.findElements(notification).stream().findFirst().orElse(null));
        return shown.getText();
    }

    private String dialogError() {
        return driver.findElements(By.cssSelector(".sg-op-modal .alert")).stream().map(WebElement::getText).toList()
                .toString();
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, SCREENSHOTS.resolve("approval-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answers the browser has received so far (from its performance log), by URL. */
    private static final class NetworkLog {
        private final Set<String> answered = new HashSet<>();

        boolean answered(WebDriver driver, String urlPart) {
            for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
                String message = entry.getMessage();
                if (message.contains("\"Network.responseReceived\"")) {
                    try {
                        String url = Http.JSON.readTree(message).path("message").path("params")
                                .path("response").path("url").asText();
                        answered.add(url);
                    } catch (IOException e) {
                        // not a JSON entry: not an answer
                    }
                }
            }
            return answered.stream().anyMatch(url -> url.contains(urlPart));
        }
    }
}
