package cn.streetgov.test;

import java.io.File;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for browser tests (Debian's chromium and chromium-driver). Where they are
 * missing the test is skipped — unless the build runs in CI (CI=true, where .ci/run installs them)
 * or says -Dbrowser.required=true: then it fails.
 */
public final class Browser {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private Browser() {
    }

    public static WebDriver chromium() {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        boolean required = Boolean.getBoolean("browser.required") || "true".equals(System.getenv("CI"));
        if (!present && required) {
            throw new IllegalStateException("Chromium/ChromeDriver missing: install Debian's chromium and chromium-driver");
        }
        Assumptions.assumeTrue(present, "headless Chromium not installed (Debian packages chromium, chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=zh-CN", "--accept-lang=zh-CN,zh", "--window-size=1400,1000");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        // the network log, so that a test can see which API calls of a page failed
        options.setCapability("goog:loggingPrefs", java.util.Map.of("performance", "ALL"));
        options.setExperimentalOption("perfLoggingPrefs", java.util.Map.of("enableNetwork", true, "enablePage", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** Logs in through the Camunda login page of {@code app}, as a person does (demo password). */
    public static void login(WebDriver driver, int port, String app, String user) {
        login(driver, port, app, user, "demo");
    }

    /** Logs in through the Camunda login page of {@code app} with the given password. */
    public static void login(WebDriver driver, int port, String app, String user, String secret) {
        driver.get("http://localhost:" + port + "/camunda/app/" + app + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
        By username = By.cssSelector("input[ng-model='username']");
        By password = By.cssSelector("input[ng-model='password']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(username));
        // the form's autofocus may move the caret to the user name while we type: type until both hold it
        wait.until(d -> {
            fill(d.findElement(username), user);
            fill(d.findElement(password), secret);
            return user.equals(d.findElement(username).getDomProperty("value"))
                    && secret.equals(d.findElement(password).getDomProperty("value"));
        });
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(password));
    }

    private static void fill(WebElement input, String text) {
        if (!text.equals(input.getDomProperty("value"))) {
            input.clear();
            input.sendKeys(text);
        }
    }
}
