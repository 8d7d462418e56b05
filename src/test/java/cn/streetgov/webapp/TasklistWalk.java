package cn.streetgov.webapp;

import static cn.streetgov.webapp.WebappProbe.await;
import static cn.streetgov.webapp.WebappProbe.awaitText;
import static cn.streetgov.webapp.WebappProbe.bodyText;
import static cn.streetgov.webapp.WebappProbe.click;
import static cn.streetgov.webapp.WebappProbe.literal;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.test.Browser;
import cn.streetgov.test.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One case of a workflow followed in Tasklist from its start to its end, as the demo officials do it
 * (issue 12): each official logs in through Tasklist's login page, finds the message of the case in
 * the inbox, opens the task from 本单位待办, reads the case, its 审批记录 and its 流程图, claims the
 * task, fills the Camunda form and completes it. Every screen is kept as
 * {@code target/user-guide/<workflow>/NN-<step>-<view>.png} (the user guide's illustrations).
 *
 * <p>The walk itself (log in, start, open, fill, complete, the engine's state after each step) fails
 * at once when it cannot go on. What an official should see on the way is checked without stopping
 * the walk: each check is one method below, its failures are collected (with the screenshot they
 * belong to) and reported together at the end of the walk ({@link #end}), and written to
 * {@code target/user-guide/<workflow>/checks.txt}. A check looks for the DOM hooks of
 * notes/spec-12 (#sg-inbox-count, .sg-record, .sg-diagram …); a hook that is not on the page fails
 * at once, so that a walk over a Tasklist without them is quick.
 */
final class TasklistWalk implements AutoCloseable {

    private static final Path GUIDE = Path.of("target", "user-guide");
    /** How long a hook that is not there yet may take to appear once the page around it is shown. */
    private static final Duration HOOK_PATIENCE = Duration.ofSeconds(5);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern TIME =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2})");
    private static final By TASK_FORM = By.cssSelector("[cam-tasklist-task] .fjs-form");

    private final int port;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final ManagementService managementService;
    private final ProcessEngine engine;
    private final Path screenshots;
    private final WebDriver driver;
    private final WebappProbe probe;
    private final List<String> failures = new ArrayList<>();
    private final Instant walkStarted = Instant.now();
    /** Hooks found missing once: later steps fail on them without waiting again. */
    private final Set<String> missingHooks = new HashSet<>();
    /** The user tasks of the followed case completed so far, in order. */
    private final List<Done> done = new ArrayList<>();
    /** The ids of the tasks completed in the walk. */
    private final Set<String> completedTasks = new HashSet<>();

    private int shots;
    private String step = "start";
    private String lastShot = "";
    private String official;
    private String caseNo;
    private String instanceId;
    private Task task;

    /** A step done: which task, by whom (display name), the decision's label and the opinion typed. */
    private record Done(String taskKey, String stepName, String officialName, String decisionLabel, String opinion) {
    }

    TasklistWalk(String workflow, int port, ProcessEngine engine) {
        this.port = port;
        this.engine = engine;
        this.taskService = engine.getTaskService();
        this.runtimeService = engine.getRuntimeService();
        this.historyService = engine.getHistoryService();
        this.managementService = engine.getManagementService();
        this.screenshots = GUIDE.resolve(workflow);
        try {
            Files.createDirectories(screenshots);
            try (Stream<Path> old = Files.list(screenshots)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.driver = Browser.chromium();
        this.probe = new WebappProbe();
    }

    @Override
    public void close() {
        probe.close();
        driver.quit();
    }

    // ================================================================ the walk

    /** The official logs in through Tasklist's login page and sees their filters. */
    void loginAs(String user) {
        driver.manage().deleteAllCookies();
        if (shots == 0) {
            driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
            await(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
            screenshot("login");
        }
        Browser.login(driver, port, "tasklist", user);
        official = user;
        awaitText(driver, "本单位待办");
        // our header plugins are in (抄送我的 is there since the approval operations)
        await(driver).until(d -> !d.findElements(By.cssSelector("a.sg-copies-link")).isEmpty());
        check("页头以姓在前的姓名称呼办理人", this::theHeaderNamesTheOfficialFamilyNameFirst);
    }

    /**
     * The logged-in official starts a case from 启动流程: picks the process, fills its start form
     * with {@code fill} and starts it; {@code find} answers the case started (found in the engine).
     * The case is followed from here on.
     */
    ProcessInstance startCase(String processName, String fieldLabel, Runnable fill, Supplier<ProcessInstance> find) {
        step = "start";
        WebappProbe.openStartForm(driver, processName, fieldLabel);
        fill.run();
        screenshot("form");
        WebappProbe.startFromForm(driver);
        ProcessInstance started = find.get();
        assertThat(started).as("the case started from the start form").isNotNull();
        follow(started);
        check("启动后告知案件编号", this::theStartToldTheCaseNumber);
        screenshot("started");
        checkCalls();
        return started;
    }

    /** From now on the walk follows {@code instance} (for the assessment: one agency's case of the campaign). */
    void follow(ProcessInstance instance) {
        instanceId = instance.getId();
        caseNo = instance.getBusinessKey();
        done.clear();
    }

    String caseNo() {
        return caseNo;
    }

    /**
     * The next official logs in, finds the case's message in the inbox, opens the task at
     * {@code taskKey} of the followed case from 本单位待办 and reads it: the form with the case, the
     * 审批记录 and the 流程图. {@code slug} names the step in the screenshots.
     */
    Task open(String slug, String user, String taskKey) {
        step = slug;
        loginAs(user);
        check("消息提醒计数并列出本案", this::theInboxCountsTheCasesMessage);
        task = await(driver).withMessage(() -> "no open task " + taskKey + " of " + caseNo + " for " + user)
                .until(d -> taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskKey)
                        .taskCandidateUser(user).includeAssignedTasks().list().stream().findFirst().orElse(null));
        click(driver, By.xpath("//a[contains(normalize-space(),'本单位待办')]"));
        click(driver, card(task));
        await(driver).withMessage(() -> "the task's form did not show:\n" + bodyText(driver))
                .until(d -> d.findElements(TASK_FORM).stream().anyMatch(WebElement::isDisplayed));
        check("表单上方显示案件编号", () -> await(driver).withTimeout(HOOK_PATIENCE)
                .withMessage("the form does not show the case number " + caseNo)
                .until(d -> VisibleText.of(d).contains(caseNo)));
        screenshot("task");
        check("任务名称带案件编号", this::theTaskNameCarriesTheCaseNumber);
        check("审批记录页签列出此前各步骤和意见", this::theRecordTabShowsTheEarlierSteps);
        check("流程图页签标出已走路径和当前步骤", this::theDiagramTabShowsThePath);
        showTab("表单");
        await(driver).until(d -> d.findElements(TASK_FORM).stream().anyMatch(WebElement::isDisplayed));
        return task;
    }

    /** The official claims the open task (once), as Tasklist wants before the form can be submitted. */
    void claim() {
        if (official.equals(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())) {
            return;
        }
        click(driver, By.cssSelector("button.claim"));
        await(driver).until(d -> official.equals(taskService.createTaskQuery().taskId(task.getId()).singleResult()
                .getAssignee()));
        await(driver).until(d -> !d.findElements(By.cssSelector("button.unclaim")).isEmpty());
    }

    /** Decides: picks {@code option} of the choice {@code group} and completes the task. */
    void decide(String group, String option) {
        claim();
        choose(group, option);
        submit(null);
    }

    /** Decides: picks {@code option} of {@code group}, writes {@code comment} into {@code commentLabel}, completes. */
    void decide(String group, String option, String commentLabel, String comment) {
        claim();
        choose(group, option);
        fill(commentLabel, comment);
        submit(comment);
    }

    /** Writes {@code text} into the field {@code label} (a report, a note) and completes the task. */
    void report(String label, String text) {
        claim();
        fill(label, text);
        submit(text);
    }

    /**
     * Completes the claimed task with what the form holds; the task is then done in the engine.
     * The later officials must read in the case's record who did the step, the decision as the
     * typed record has it, and {@code opinion} (the text typed, may be null).
     */
    void submit(String opinion) {
        claim();
        By completeButton = By.xpath("//div[contains(@class,'form-actions')]//button[normalize-space()='完成']");
        // the decision just made, above the button, in the screenshot
        WebappProbe.scrollToMiddle(driver, driver.findElement(completeButton));
        screenshot("filled");
        await(driver).withMessage(() -> "完成 stays disabled:\n" + bodyText(driver))
                .until(ExpectedConditions.elementToBeClickable(completeButton)).click();
        try {
            await(driver).until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
        } catch (TimeoutException e) {
            screenshot("not-completed");
            throw new AssertionError("the task " + task.getTaskDefinitionKey() + " was not completed (" + lastShot
                    + "):\n" + VisibleText.of(driver), e);
        }
        await(driver).withMessage("the completed task is still listed").until(d -> d.findElements(card(task)).isEmpty());
        completedTasks.add(task.getId());
        done.add(new Done(task.getTaskDefinitionKey(), stepName(task), displayName(official),
                recordedDecisionLabel(task), opinion));
        checkCalls();
    }

    /** Runs the jobs of the followed case (and of its called cases) that are due now, as the job executor would. */
    void runDueJobs() {
        for (int round = 0; round < 50; round++) {
            List<Job> due = new ArrayList<>();
            for (String id : caseTree(rootOf(instanceId))) {
                due.addAll(managementService.createJobQuery().processInstanceId(id).executable().list());
            }
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new AssertionError("the jobs of " + caseNo + " keep coming");
    }

    /** Fires the timer at {@code activityId} of {@code processInstanceId} as its time had come, then the jobs it leads to. */
    void fireTimer(String processInstanceId, String activityId) {
        Job timer = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .timers().singleResult();
        assertThat(timer).as("the timer %s of %s", activityId, processInstanceId).isNotNull();
        managementService.executeJob(timer.getId());
        runDueJobs();
    }

    /**
     * The followed case has ended (with the result variable {@code outcome} = {@code outcome}, unless
     * null); its starter logs in and finds the message of its end and the case in 我发起的. Then every
     * check of the walk must have passed.
     */
    void end(String starter, String outcome) {
        HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId)
                .singleResult();
        assertThat(ended.getEndTime()).as("%s has ended", caseNo).isNotNull();
        if (outcome != null) {
            assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                    .variableName("outcome").singleResult().getValue()).as("the outcome of %s", caseNo).isEqualTo(outcome);
        }
        step = "end";
        loginAs(starter);
        screenshot("tasklist");
        check("消息提醒计数并列出本案", this::theInboxCountsTheCasesMessage);
        check("我发起的列出已办结的本案及其记录和流程图", this::theStarterFindsTheEndedCase);
        checkCalls();
        assertAllChecksPassed();
    }

    /** Fails with every check that failed on the way, each with the screenshot it belongs to. */
    private void assertAllChecksPassed() {
        try {
            Files.write(screenshots.resolve("checks.txt"), failures.isEmpty() ? List.of("全部检查通过") : failures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(failures).as("what the officials saw on the way (%s)", screenshots).isEmpty();
    }

    // ================================================================ form gestures

    void fill(String label, String text) {
        WebappProbe.fill(driver, label, text);
    }

    void choose(String group, String option) {
        WebappProbe.choose(driver, group, option);
    }

    void select(String label, String option) {
        WebappProbe.selectOption(driver, label, option);
    }

    /** The select {@code label} is the official's own (their department, their street): chosen already, not to be changed. */
    void theOwnChoiceIsMade(String label, String shown) {
        assertThat(WebappProbe.selectedOption(driver, label)).as("the pre-chosen %s", label).isEqualTo(shown);
        assertThat(driver.findElements(By.xpath("//div[contains(@class,'fjs-form-field-select') and contains(@class,"
                + "'fjs-readonly')][.//label[starts-with(normalize-space()," + WebappProbe.literal(label) + ")]]")))
                .as("%s is read-only", label).isNotEmpty();
    }

    void fillDate(String label, LocalDate date) {
        WebappProbe.fillDate(driver, label, date);
    }

    void addTag(String fieldKey, String search) {
        WebappProbe.addTag(driver, fieldKey, search);
    }

    /** What the form field labelled {@code label} shows. */
    String shown(String label) {
        return WebappProbe.valueOf(driver, label);
    }

    // ================================================================ checks that hold today

    /** No English words or raw codes in what the official reads (VisibleText). */
    private void thePageIsChineseWithoutCodes() {
        // before the start no case is followed yet: every list row is another test's case
        List<String> problems = VisibleText.problems(VisibleText.aboutCase(driver, caseNo == null ? "\u0000" : caseNo));
        if (!problems.isEmpty()) {
            throw new AssertionError("English or codes: " + String.join("；", problems));
        }
    }

    /**
     * No time of something that happened during the walk is shown in UTC (8 hours before Beijing
     * time): every yyyy-MM-dd HH:mm on the page that falls into the walk's time read as UTC is one.
     */
    private void theTimesOfTheWalkShowInBeijingTime() {
        LocalDateTime from = walkStarted.atZone(ZoneOffset.UTC).toLocalDateTime().minusMinutes(1);
        LocalDateTime to = LocalDateTime.now(ZoneOffset.UTC).plusMinutes(1);
        Matcher time = TIME.matcher(VisibleText.of(driver));
        List<String> inUtc = new ArrayList<>();
        while (time.find()) {
            LocalDateTime shown = LocalDateTime.parse(time.group(1) + "T" + time.group(2));
            if (!shown.isBefore(from) && !shown.isAfter(to)) {
                inUtc.add(time.group());
            }
        }
        assertThat(inUtc).as("times of the walk shown in UTC, not Beijing time (%s)", CaseClock.zone()).isEmpty();
    }

    /** The engine API guard refused none of the page's calls and the engine answered none with an error. */
    private void checkCalls() {
        check("页面调用的接口没有被拒绝或出错", () -> {
            assertThat(probe.refusedCalls()).as("calls the engine API guard refused").isEmpty();
            // Tasklist reloads the task it just completed (and its comments): the engine no longer knows it
            assertThat(probe.failedEngineCalls(driver).stream().filter(call -> completedTasks.stream()
                    .noneMatch(id -> call.startsWith("404 GET ") && call.matches(".*/task/" + id + "(/.*)?"))))
                    .as("engine API calls that failed").isEmpty();
        });
    }

    /**
     * A time the form shows (field {@code label}) is the engine's {@code time} in the configured zone
     * (Beijing time), as yyyy-MM-dd HH:mm.
     */
    void theTimeShowsInBeijingTime(String label, Date time) {
        check("「" + label + "」按北京时间显示", () -> assertThat(shown(label)).as("「%s」", label)
                .isEqualTo(CaseClock.toLocal(time).format(SHOWN)));
    }

    // ================================================================ checks of the parts being built (issue 12)
    // Each fails until its part is in: the ui part (task names, names, feedback after a start, Chinese
    // form-js texts, no Camunda 8 banner), the lead's Tasklist workspace plugin (inbox, 审批记录,
    // 流程图, 我发起的) on the notify and workspace APIs.

    /** The header names the logged-in official family name first (何雪, not 雪 何). [ui] */
    private void theHeaderNamesTheOfficialFamilyNameFirst() {
        String header = driver.findElements(By.cssSelector("[cam-widget-header], .navbar")).stream()
                .map(WebElement::getText).findFirst().orElse("");
        // Camunda's header puts a space between first and last name: 何 雪
        if (!header.replaceAll("\\s+", "").contains(displayName(official))) {
            throw new AssertionError("the header does not name " + official + " 「" + displayName(official)
                    + "」 (family name first): " + header.lines().filter(l -> l.contains(given(official))).toList());
        }
    }

    /** After a start the page tells the case number. [ui] */
    private void theStartToldTheCaseNumber() {
        waitFor("the case number " + caseNo + " after the start", d -> VisibleText.of(d).contains(caseNo));
    }

    /**
     * The task, in the list and in its heading, is named with the case number first, e.g.
     * 【FQ-2026-0007】东华街道承接能力评估. [ui: kernel create listener]
     */
    private void theTaskNameCarriesTheCaseNumber() {
        String prefix = "【" + caseNo + "】";
        assertThat(driver.findElement(card(task)).getText()).as("the task's card in 本单位待办").contains(prefix);
        String heading = driver.findElement(By.cssSelector("[cam-tasklist-task] h2")).getText();
        assertThat(heading).as("the task's heading").startsWith(prefix);
    }

    /**
     * The 审批记录 tab (.sg-record, rows .sg-record-step) lists every step completed so far, with who
     * (family name first), the step, the decision and the opinion typed. [lead plugin, workspace API]
     */
    private void theRecordTabShowsTheEarlierSteps() {
        hook("审批记录", () -> !tabLinks("审批记录").isEmpty(), "no 审批记录 tab on the task");
        showTab("审批记录");
        By rows = By.cssSelector(".sg-record .sg-record-step");
        await(driver).withMessage(() -> "the 审批记录 tab shows no record (.sg-record):\n" + bodyText(driver))
                .until(d -> d.findElements(By.cssSelector(".sg-record")).stream().anyMatch(WebElement::isDisplayed)
                        && d.findElements(rows).size() >= done.size());
        screenshot("record");
        theRecordHoldsTheStepsDone(driver.findElement(By.cssSelector(".sg-record")).getText());
    }

    /** A case's record names every step done so far: the step, who (family name first), the decision, the opinion. */
    private void theRecordHoldsTheStepsDone(String record) {
        for (Done step : done) {
            assertThat(record).as("the record of %s", step.stepName()).contains(step.stepName(), step.officialName());
            if (step.decisionLabel() != null) {
                assertThat(record).as("the decision of %s", step.stepName()).contains(step.decisionLabel());
            }
            if (step.opinion() != null) {
                assertThat(record).as("the opinion of %s", step.stepName()).contains(step.opinion());
            }
        }
    }

    /**
     * The 流程图 tab (.sg-diagram) shows the case's diagram with the completed steps marked sg-done
     * and the open task marked sg-current. [lead plugin, workspace API]
     */
    private void theDiagramTabShowsThePath() {
        List<WebElement> tabs = tabLinks("流程图");
        assertThat(tabs).as("流程图 tabs").isNotEmpty();
        boolean ours = false;
        for (int i = 0; i < tabs.size() && !ours; i++) {
            tabLinks("流程图").get(i).click();
            await(driver).withMessage("the 流程图 tab shows no diagram").until(d -> shownDiagram(d) != null);
            ours = shownDiagram(driver).equals("sg");
        }
        screenshot("diagram");
        hook("sg-diagram", () -> driver.findElements(By.cssSelector(".sg-diagram")).stream().anyMatch(WebElement::isDisplayed),
                "the 流程图 tab shows Camunda's diagram of the process, not the case's path (.sg-diagram)");
        String current = task.getTaskDefinitionKey();
        await(driver).withMessage("the open task " + current + " is not marked sg-current")
                .until(d -> !d.findElements(marked(current, "sg-current")).isEmpty());
        for (Done step : done) {
            if (!step.taskKey().equals(current)) {
                assertThat(driver.findElements(marked(step.taskKey(), "sg-done"))).as("%s marked sg-done", step.taskKey())
                        .isNotEmpty();
            }
        }
    }

    /**
     * The header's 消息 button counts the official's unread messages (#sg-inbox-count, as
     * GET /api/notifications/unread-count says), and its panel lists an unread message of the
     * followed case (the new task; at the end, the case's end). [lead plugin, notify API]
     */
    private void theInboxCountsTheCasesMessage() {
        hook("sg-inbox", () -> !driver.findElements(By.id("sg-inbox")).isEmpty(), "no 消息 button (#sg-inbox) in the header");
        Http.Response answer = Http.as(port, official).get("/api/notifications/unread-count");
        assertThat(answer.status()).as("GET /api/notifications/unread-count: %s", answer.body()).isEqualTo(200);
        String unread = answer.json().path("unread").asText();
        assertThat(Integer.parseInt(unread)).as("unread messages of %s", official).isPositive();
        await(driver).withMessage(() -> "#sg-inbox-count does not show " + unread)
                .until(d -> d.findElements(By.id("sg-inbox-count")).stream().anyMatch(c -> c.getText().trim().equals(unread)));
        click(driver, By.id("sg-inbox"));
        By item = By.xpath("//*[contains(@class,'sg-inbox-panel')]//*[contains(@class,'sg-inbox-item')]"
                + "[contains(@class,'sg-unread')][contains(normalize-space(),'" + caseNo + "')]");
        try {
            await(driver).withMessage("no unread message of " + caseNo + " in the inbox panel")
                    .until(d -> d.findElements(item).stream().anyMatch(WebElement::isDisplayed));
            screenshot("inbox");
        } finally {
            closeInbox();
        }
    }

    /**
     * The starter finds the ended case in 我发起的 (#sg-workspace, tab started, searched by its
     * number) as 已办结, and opens its record and diagram. [lead plugin, workspace API]
     */
    private void theStarterFindsTheEndedCase() {
        hook("sg-workspace", () -> !driver.findElements(By.id("sg-workspace")).isEmpty(),
                "no 已办/我发起的 button (#sg-workspace) in the header");
        click(driver, By.id("sg-workspace"));
        click(driver, By.cssSelector(".sg-workspace [data-sg-tab=started]"));
        WebElement search = await(driver).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".sg-workspace .sg-workspace-search")));
        search.sendKeys(caseNo + Keys.ENTER);
        By row = By.xpath("//*[contains(@class,'sg-case-row')][.//*[contains(@class,'sg-case-no')][normalize-space()="
                + literal(caseNo) + "]]");
        WebElement found = await(driver).withMessage("no row of " + caseNo + " in 我发起的")
                .until(d -> d.findElements(row).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        screenshot("started-list");
        assertThat(found.getText()).as("the row of %s", caseNo).contains("已办结");
        found.findElement(By.cssSelector(".sg-case-open")).click();
        await(driver).withMessage("the case's record did not open").until(d ->
                d.findElements(By.cssSelector(".sg-case-view .sg-record .sg-record-step")).stream()
                        .anyMatch(WebElement::isDisplayed));
        screenshot("case-record");
        theRecordHoldsTheStepsDone(driver.findElement(By.cssSelector(".sg-case-view .sg-record")).getText());
        click(driver, By.cssSelector(".sg-case-view .sg-case-tab-diagram"));
        await(driver).withMessage("the case's diagram did not open").until(d ->
                !d.findElements(By.cssSelector(".sg-case-view .sg-diagram.sg-diagram-ready svg")).isEmpty());
        screenshot("case-diagram");
    }

    // ================================================================ the machinery

    /**
     * Runs a check of what the official sees; a failure is recorded (with the last screenshot) and
     * the walk goes on.
     */
    private void check(String name, Runnable check) {
        try {
            check.run();
        } catch (AssertionError | WebDriverException | IllegalStateException | NumberFormatException e) {
            String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip();
            failures.add(step + " · " + (official == null ? "未登录" : official) + " · " + name + " (上一截图 " + lastShot + "): "
                    + (message.length() > 500 ? message.substring(0, 500) + " …" : message));
        }
    }

    /** Fails at once when a hook is missing (at once again on later steps once it was found missing). */
    private void hook(String hook, Supplier<Boolean> present, String missing) {
        if (missingHooks.contains(hook) && !present.get()) {
            throw new AssertionError(missing + " (as before)");
        }
        try {
            new WebDriverWait(driver, HOOK_PATIENCE).until(d -> present.get());
        } catch (TimeoutException e) {
            missingHooks.add(hook);
            throw new AssertionError(missing);
        }
    }

    private void waitFor(String what, Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, HOOK_PATIENCE).until(condition::apply);
        } catch (TimeoutException e) {
            throw new AssertionError("not shown: " + what);
        }
    }

    /**
     * Keeps the screen as NN-step-view.png and checks it for English and codes (a finding of the
     * check names the screenshot).
     */
    private void screenshot(String view) {
        lastShot = String.format("%02d-%s-%s.png", ++shots, step, view);
        try {
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, screenshots.resolve(lastShot), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        check("页面没有英文和代码", this::thePageIsChineseWithoutCodes);
        check("页面时间按北京时间显示", this::theTimesOfTheWalkShowInBeijingTime);
    }

    /** Closes the 消息 dialog with its 关闭 button, as a person does. */
    private void closeInbox() {
        By panel = By.cssSelector(".sg-inbox-panel");
        if (driver.findElements(panel).stream().noneMatch(WebElement::isDisplayed)) {
            return;
        }
        click(driver, By.cssSelector(".sg-inbox-close"));
        await(driver).until(d -> d.findElements(By.cssSelector(".sg-inbox-modal")).isEmpty());
    }

    private List<WebElement> tabLinks(String name) {
        return driver.findElements(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()=" + literal(name) + "]"));
    }

    private void showTab(String name) {
        click(driver, By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()=" + literal(name) + "]"));
    }

    /** "sg" when the case's diagram shows, "camunda" when Camunda's own does, null while none does. */
    private static String shownDiagram(WebDriver d) {
        if (d.findElements(By.cssSelector(".sg-diagram svg")).stream().anyMatch(WebElement::isDisplayed)) {
            return "sg";
        }
        if (d.findElements(By.cssSelector("[cam-tasklist-task] .djs-container svg")).stream().anyMatch(WebElement::isDisplayed)) {
            return "camunda";
        }
        return null;
    }

    private static By marked(String elementId, String marker) {
        return By.cssSelector(".sg-diagram [data-element-id='" + elementId + "']." + marker);
    }

    private static By card(Task task) {
        return By.cssSelector("a[href='#/?task=" + task.getId() + "']");
    }

    /** The label of the decision the typed record holds for the completed task (GET …/opinions), or null. */
    private String recordedDecisionLabel(Task completed) {
        Http.Response answer = Http.as(port, "auditor").get("/api/cases/" + completed.getProcessInstanceId() + "/opinions");
        assertThat(answer.status()).as("GET /api/cases/…/opinions: %s", answer.body()).isEqualTo(200);
        for (com.fasterxml.jackson.databind.JsonNode opinion : answer.json()) {
            if (completed.getId().equals(opinion.path("taskId").asText()) && opinion.hasNonNull("decisionLabel")) {
                return opinion.path("decisionLabel").asText();
            }
        }
        return null;
    }

    /** The step's name as the BPMN names it (the record keeps it plain, without the case number). */
    private String stepName(Task task) {
        return engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey()).getAttributeValue("name");
    }

    /**
     * An official's name as people read it: family name first (何雪). The engine's first name holds
     * the family name (as the webapps show "first last"), its last name the given name.
     */
    private String displayName(String userId) {
        User user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
        return user.getFirstName() + user.getLastName();
    }

    private String given(String userId) {
        return engine.getIdentityService().createUserQuery().userId(userId).singleResult().getLastName();
    }

    private String rootOf(String processInstanceId) {
        String id = processInstanceId;
        for (ProcessInstance parent; (parent = runtimeService.createProcessInstanceQuery().subProcessInstanceId(id)
                .singleResult()) != null; ) {
            id = parent.getId();
        }
        return id;
    }

    private List<String> caseTree(String rootId) {
        List<String> ids = new ArrayList<>(List.of(rootId));
        for (int i = 0; i < ids.size(); i++) {
            runtimeService.createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list()
                    .forEach(child -> ids.add(child.getId()));
        }
        return ids;
    }
}
