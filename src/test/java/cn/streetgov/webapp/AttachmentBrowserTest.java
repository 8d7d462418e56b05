package cn.streetgov.webapp;

import static cn.streetgov.webapp.WebappProbe.await;
import static cn.streetgov.webapp.WebappProbe.bodyText;
import static cn.streetgov.webapp.WebappProbe.click;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.appointment.process.ConsultationProcess;
import cn.streetgov.appointment.process.ConsultationTestData;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.test.Browser;
import cn.streetgov.test.IntegrationTest;
import cn.streetgov.test.Officials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 附件 in Tasklist, in a real (headless) browser: 东华街道党工委, asked about an appointment, uploads
 * the dossier on its task's 附件 tab and downloads it; the proposing department downloads it in its own
 * session; an official of another street is refused the list and the file with the Chinese reason.
 * Screenshots under target/screenshots/attachments-*.png.
 */
@IntegrationTest
class AttachmentBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final byte[] PDF = ("%PDF-1.7\n% 任职考察材料\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
            .getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    OrgDirectory directory;
    @TempDir
    Path files;

    private final List<WebDriver> drivers = new ArrayList<>();
    private ProcessInstance instance;

    @AfterEach
    void tearDown() {
        drivers.forEach(WebDriver::quit);
        if (instance != null) {
            engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test clean-up", true, true);
        }
    }

    @Test
    void theStreetCommitteeUploadsTheDossierThatTheDepartmentDownloadsAndAnotherStreetCannotSee() throws IOException {
        directory.appointHead("S01-GA", "原所长", "东华派出所所长", LocalDate.of(2024, 1, 1));
        Map<String, Object> vars = ConsultationTestData.appointment("附件" + (System.nanoTime() % 100000));
        instance = Officials.as(engine, "ga-off", () -> engine.getRuntimeService()
                .startProcessInstanceByKey(ConsultationProcess.KEY, vars));
        Task opinion = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(ConsultationProcess.STREET_OPINION).singleResult();
        Path dossier = files.resolve("任职考察材料.pdf");
        Files.write(dossier, PDF);

        // the street committee's task: 附件 tab, empty, then the uploaded dossier
        WebDriver street = browser("s01-sec");
        street.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + opinion.getId()
                + "&detailsTab=streetgov-case-attachments");
        await(street).withMessage(() -> "no 附件 tab:\n" + bodyText(street))
                .until(d -> !d.findElements(By.cssSelector(".sg-task-tab .sg-attachments-empty")).isEmpty());
        assertThat(street.findElement(By.cssSelector(".sg-attachment-limits")).getText()).contains("单个不超过 10 MB");
        screenshot(street, "1-empty");
        assertThat(street.findElement(By.cssSelector(".sg-attachment-upload")).getText())
                .contains("选择文件…", "未选择文件").doesNotContain("Choose", "No file");
        street.findElement(By.cssSelector(".sg-attachment-file")).sendKeys(dossier.toAbsolutePath().toString());
        await(street).until(d -> d.findElement(By.cssSelector(".sg-attachment-chosen")).getText().equals("任职考察材料.pdf"));
        new org.openqa.selenium.support.ui.Select(street.findElement(By.cssSelector(".sg-attachment-kind")))
                .selectByVisibleText("案件材料");
        street.findElement(By.cssSelector(".sg-attachment-note")).sendKeys("党工委会议研究材料");
        click(street, By.cssSelector(".sg-attachment-submit"));
        WebElement row = await(street).withMessage(() -> "the dossier is not listed:\n" + bodyText(street))
                .until(d -> d.findElements(By.cssSelector(".sg-task-tab .sg-attachment")).stream().findFirst().orElse(null));
        assertThat(row.getText()).contains("任职考察材料.pdf", "案件材料", directory.personName("s01-sec"), "党工委会议研究材料");
        await(street).until(d -> d.findElement(By.cssSelector(".sg-attachment-done")).getText()
                .equals("已上传「任职考察材料.pdf」"));
        assertThat(street.findElements(By.cssSelector(".sg-attachment-remove"))).as("the uploader may remove it").hasSize(1);
        screenshot(street, "2-uploaded");
        String url = row.findElement(By.cssSelector(".sg-attachment-download")).getDomAttribute("href");
        Fetched own = fetch(street, url);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.content()).isEqualTo(PDF);
        assertThat(own.disposition()).startsWith("attachment;").contains("filename*=UTF-8''");

        // the department that proposed it downloads it in its own session
        WebDriver department = browser("ga-off");
        Fetched theirs = fetch(department, url);
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.content()).isEqualTo(PDF);

        // another street sees neither the list nor the file
        WebDriver stranger = browser("s02-off");
        Fetched refusedList = fetch(stranger, "/api/cases/" + instance.getId() + "/attachments");
        assertThat(refusedList.status()).isEqualTo(403);
        assertThat(new String(refusedList.content(), StandardCharsets.UTF_8)).contains("无权查阅案件 " + instance.getBusinessKey());
        assertThat(fetch(stranger, url).status()).isEqualTo(403);
        stranger.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + opinion.getId()
                + "&detailsTab=streetgov-case-attachments");
        screenshot(stranger, "3-other-street");
    }

    // ---- helpers ----

    private WebDriver browser(String user) {
        WebDriver driver = Browser.chromium();
        drivers.add(driver);
        Browser.login(driver, port, "tasklist", user);
        WebappProbe.awaitText(driver, "本单位待办");
        return driver;
    }

    private record Fetched(int status, byte[] content, String disposition) {
    }

    /** GET of the path in the page's session, as the download link does. */
    private static Fetched fetch(WebDriver driver, String path) {
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer().then(b => {"
                        + "  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x));"
                        + "  done({status: r.status, body: btoa(s), disposition: r.headers.get('Content-Disposition') || ''});"
                        + "})).catch(e => done({status: -1, body: '', disposition: String(e)}));", path);
        return new Fetched(((Number) answer.get("status")).intValue(), Base64.getDecoder().decode((String) answer.get("body")),
                (String) answer.get("disposition"));
    }

    private static void screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, SCREENSHOTS.resolve("attachments-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
